using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Testing;

/// <summary>
/// A bot in memory, for unit tests of commands, handlers and middleware (like Koishi's mock plugin or
/// nonebug): feed it events, read what it answered and which API calls it made. No network, no host.
/// </summary>
public sealed class TestBot : IApiTransport, IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentDictionary<string, ApiResponse> _scripted = new(StringComparer.Ordinal);
    private readonly ServiceProvider _services;
    private long _nextMessageId = 1;

    /// <summary>
    /// Creates a bot with the commands, handlers and middleware the source generator found in the loaded
    /// assemblies; <paramref name="configureServices"/> registers the services they need.
    /// </summary>
    public TestBot(Action<IServiceCollection>? configureServices = null, long selfId = DefaultSelfId)
    {
        var services = new ServiceCollection();
        configureServices?.Invoke(services);
        _services = services.BuildServiceProvider();
        Hooks = new ApiHooks();
        Bot = new Bot(selfId, this, Hooks);
        Dispatcher = new EventDispatcher(CommandRegistry.CreateWithGeneratedCommands());
        Dispatcher.ApplyGeneratedHandlers();
    }

    /// <summary>The self id test bots use unless told otherwise.</summary>
    public const long DefaultSelfId = 10001000;

    /// <summary>The dispatcher: add middleware or listeners, change texts or prefixes.</summary>
    public EventDispatcher Dispatcher { get; }

    /// <summary>The bot account handlers see.</summary>
    public IBot Bot { get; }

    /// <summary>The API hooks of this bot.</summary>
    public ApiHooks Hooks { get; }

    /// <summary>Every API call the bot made, in order.</summary>
    public IReadOnlyCollection<RecordedCall> Calls => _calls;

    /// <summary>Answers every later call of <paramref name="action"/> with <paramref name="data"/> (JSON).</summary>
    public void Reply(string action, string data)
    {
        using var document = JsonDocument.Parse(data);
        _scripted[action] = new ApiResponse("ok", 0, document.RootElement.Clone());
    }

    /// <summary>Makes every later call of <paramref name="action"/> fail with <paramref name="retCode"/>.</summary>
    public void Fail(string action, long retCode, string? wording = null) => _scripted[action] = new ApiResponse("failed", retCode, null, wording);

    /// <summary>A private message from <paramref name="userId"/>; returns what the bot answers.</summary>
    public ValueTask<QuickOperation?> ReceivePrivateMessageAsync(long userId, string cqMessage) =>
        ReceiveAsync(MessageEventJson(Bot.SelfId, "private", "friend", null, userId, cqMessage));

    /// <summary>A group message from <paramref name="userId"/> in <paramref name="groupId"/>; returns what the bot answers.</summary>
    public ValueTask<QuickOperation?> ReceiveGroupMessageAsync(long groupId, long userId, string cqMessage) =>
        ReceiveAsync(MessageEventJson(Bot.SelfId, "group", "normal", groupId, userId, cqMessage));

    /// <summary>Any event, as OneBot JSON; returns what the bot answers (its quick operation), without carrying it out.</summary>
    public async ValueTask<QuickOperation?> ReceiveAsync(string eventJson, CancellationToken cancellationToken = default)
    {
        var evt = EventParser.Parse(Encoding.UTF8.GetBytes(eventJson));
        await using var scope = _services.CreateAsyncScope();
        return await Dispatcher.HandleAsync(new Session(evt, Bot, scope.ServiceProvider, cancellationToken)).ConfigureAwait(false);
    }

    // The message goes in string form, so tests can write CQ codes such as [CQ:at,qq=…].
    private string MessageEventJson(long selfId, string type, string subType, long? groupId, long userId, string cqMessage)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("time", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            writer.WriteNumber("self_id", selfId);
            writer.WriteString("post_type", "message");
            writer.WriteString("message_type", type);
            writer.WriteString("sub_type", subType);
            writer.WriteNumber("message_id", Interlocked.Increment(ref _nextMessageId));
            if (groupId is { } group)
            {
                writer.WriteNumber("group_id", group);
            }
            writer.WriteNumber("user_id", userId);
            writer.WriteString("message", cqMessage);
            writer.WriteString("raw_message", cqMessage);
            writer.WriteNumber("font", 0);
            writer.WriteStartObject("sender");
            writer.WriteNumber("user_id", userId);
            writer.WriteString("nickname", "tester");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc />
    ValueTask<ApiResponse> IApiTransport.SendAsync(string action, JsonObject? parameters, CancellationToken cancellationToken)
    {
        _calls.Enqueue(new RecordedCall(action, parameters?.DeepClone().AsObject()));
        if (_scripted.TryGetValue(action, out var scripted))
        {
            return ValueTask.FromResult(scripted);
        }
        using var data = JsonDocument.Parse("{\"message_id\":" + Interlocked.Increment(ref _nextMessageId).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}");
        return ValueTask.FromResult(new ApiResponse("ok", 0, data.RootElement.Clone()));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>One API call a <see cref="TestBot"/> made.</summary>
/// <param name="Action">The action, e.g. <c>send_msg</c>.</param>
/// <param name="Parameters">Its parameters, copied.</param>
public sealed record RecordedCall(string Action, JsonObject? Parameters)
{
    /// <summary>The text segments of the call's <c>message</c> parameter, joined.</summary>
    public string MessageText
    {
        get
        {
            var message = Parameters?["message"];
            if (message is JsonValue value && value.TryGetValue<string>(out var cq))
            {
                return Message.FromCqCode(cq).GetPlainText();
            }
            var text = new StringBuilder();
            foreach (var segment in message as JsonArray ?? [])
            {
                if (segment?["type"]?.GetValue<string>() == "text")
                {
                    text.Append(segment["data"]?["text"]?.GetValue<string>());
                }
            }
            return text.ToString();
        }
    }
}
