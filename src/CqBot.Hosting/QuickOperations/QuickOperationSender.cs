using CqBot.Hosting.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting.QuickOperations;

/// <summary>
/// Carries out a quick operation through the API, for events that did not come by HTTP POST (or whose
/// answer cannot go in the POST response): a plain reply to a message with <c>send_msg</c>, which every
/// implementation has, anything else on a message or request with <c>.handle_quick_operation</c>.
/// OneBot v11 defines quick operations for messages and requests only (go-cqhttp and NapCat ignore them
/// on notices), so a notice's reply is sent to its chat with <c>send_group_msg</c> or <c>send_private_msg</c>; and go-cqhttp drops the
/// remark of a friend-request approval, so one with a remark is made with <c>set_friend_add_request</c>.
/// </summary>
internal sealed partial class QuickOperationSender(RefusalLog refusals, ILogger<QuickOperationSender> logger)
{
    private readonly ILogger _logger = logger;

    /// <summary>True when the implementation carries the operation out itself from an HTTP POST response.</summary>
    public static bool CanAnswerInResponse(QuickOperation operation, Event @event) => @event switch
    {
        MessageEvent => true,
        FriendRequest => operation.Remark is null,
        RequestEvent => true,
        _ => false,
    };

    /// <summary>True when carrying the operation out sends a message, so that the send rate limit applies.</summary>
    public static bool SendsMessage(QuickOperation operation, Event @event) => @event is MessageEvent && operation.Reply is { Count: > 0 };

    public async ValueTask SendAsync(Session session, QuickOperation operation)
    {
        var @event = session.Event;
        try
        {
            switch (@event)
            {
                case MessageEvent when operation.IsPlainReply:
                    await session.SendAsync(operation.Reply!, session.CancellationToken).ConfigureAwait(false);
                    break;
                case FriendRequest request when operation.Remark is not null:
                    await session.Bot.CallAsync(new FriendRequestAnswer(request.Flag, operation.Approve ?? true, operation.Remark), session.CancellationToken).ConfigureAwait(false);
                    break;
                case MessageEvent or RequestEvent:
                    await session.Bot.CallAsync(new QuickOperationRequest(operation, @event), session.CancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await ReplyInChatAsync(session, operation).ConfigureAwait(false);
                    break;
            }
        }
        catch (SendQueueFullException)
        {
            // Expected failures, which come in floods (a stalled connection fails every answer queued
            // for it): one line without a stack trace, repeats summarised.
            if (refusals.SendFailed("send_queue_full"))
            {
                LogSendQueueFull(@event.SelfId, @event.PostType);
            }
        }
        catch (ApiException exception)
        {
            if (refusals.SendFailed(exception.GetType().Name))
            {
                LogSendFailed(@event.SelfId, @event.PostType, exception.Message);
            }
        }
    }

    // A notice (or meta event) has no quick operation: its reply goes to the chat it happened in.
    private async ValueTask ReplyInChatAsync(Session session, QuickOperation operation)
    {
        var @event = session.Event;
        if (operation.Reply is not { Count: > 0 } reply)
        {
            LogOperationDropped(@event.SelfId, @event.PostType);
            return;
        }
        if (@event.ChatGroupId is { } groupId and not 0)
        {
            await session.Bot.CallAsync((ApiRequest)new MessageActions.SendGroupMessageRequest(groupId, reply), session.CancellationToken).ConfigureAwait(false);
        }
        else if (@event.ChatUserId is { } userId and not 0)
        {
            await session.Bot.CallAsync((ApiRequest)new MessageActions.SendPrivateMessageRequest(userId, reply), session.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            LogOperationDropped(@event.SelfId, @event.PostType);
        }
    }

    [LoggerMessage(EventId = 2510, Level = LogLevel.Warning, Message = "The answer to a {PostType} event of bot {SelfId} could not be sent: {Reason}")]
    private partial void LogSendFailed(long selfId, string postType, string reason);

    [LoggerMessage(EventId = 2512, Level = LogLevel.Warning, Message = "The answer to a {PostType} event of bot {SelfId} was dropped: the account's send queue is full (CqBot:RateLimit).")]
    private partial void LogSendQueueFull(long selfId, string postType);

    [LoggerMessage(EventId = 2511, Level = LogLevel.Warning, Message = "A handler answered a {PostType} event of bot {SelfId} with an operation that only messages and requests have; it was not carried out.")]
    private partial void LogOperationDropped(long selfId, string postType);

    /// <summary><c>.handle_quick_operation</c>, written from the event and the operation.</summary>
    private sealed class QuickOperationRequest(QuickOperation operation, Event @event) : ApiRequest(".handle_quick_operation")
    {
        public override bool SendsMessage => operation.Reply is { Count: > 0 };

        public override long? TargetGroupId => (@event as GroupMessageEvent)?.GroupId;

        public override void WriteParameters(Utf8JsonWriter writer) => QuickOperationJson.WriteHandleQuickOperationParameters(writer, operation, @event);
    }

    /// <summary><c>set_friend_add_request</c>, for an answer with a remark.</summary>
    private sealed class FriendRequestAnswer(string flag, bool approve, string remark) : ApiRequest("set_friend_add_request")
    {
        public override void WriteParameters(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("flag"u8, flag);
            writer.WriteBoolean("approve"u8, approve);
            writer.WriteString("remark"u8, remark);
            writer.WriteEndObject();
        }
    }
}
