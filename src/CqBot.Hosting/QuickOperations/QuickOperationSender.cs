using System.Text.Json;
using System.Text.Json.Nodes;
using CqBot.Hosting.Protocol;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting.QuickOperations;

/// <summary>
/// Carries out a quick operation through the API, for events that did not come by HTTP POST (or whose
/// POST response could not wait): a plain reply with <c>send_msg</c>, which every implementation has,
/// anything else with <c>.handle_quick_operation</c>.
/// </summary>
internal sealed partial class QuickOperationSender(ILogger<QuickOperationSender> logger)
{
    private readonly ILogger _logger = logger;

    public async ValueTask SendAsync(Session session, QuickOperation operation)
    {
        try
        {
            if (operation.IsPlainReply && session.Event is MessageEvent)
            {
                await session.SendAsync(operation.Reply!, session.CancellationToken).ConfigureAwait(false);
                return;
            }
            await session.Bot.CallAsync(".handle_quick_operation", ToParameters(operation, session.Event), session.CancellationToken).ConfigureAwait(false);
        }
        catch (ApiException exception)
        {
            LogSendFailed(exception, session.Event.SelfId, session.Event.PostType);
        }
    }

    internal static JsonObject ToParameters(QuickOperation operation, Event @event)
    {
        using var buffer = new PooledBufferWriter(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            QuickOperationJson.WriteHandleQuickOperationParameters(writer, operation, @event);
        }
        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    [LoggerMessage(EventId = 2510, Level = LogLevel.Warning, Message = "The answer to a {PostType} event of bot {SelfId} could not be sent.")]
    private partial void LogSendFailed(Exception exception, long selfId, string postType);
}
