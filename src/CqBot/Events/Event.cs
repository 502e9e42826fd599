using System.Text.Json;

namespace CqBot;

/// <summary>
/// Any event a OneBot v11 implementation reports: a message, a notice, a request or a meta event.
/// Match on the concrete type (<see cref="GroupMessageEvent"/>, <see cref="GroupIncreaseNotice"/>, …)
/// to read its fields; anything CqBot does not model is still delivered, as <see cref="UnknownEvent"/>
/// or one of the <c>Unknown…</c> subtypes, with its JSON in <see cref="Raw"/>.
/// </summary>
/// <remarks>Events are immutable and safe to share between threads.</remarks>
public abstract class Event
{
    private long _time;
    private long _selfId;
    private string _postType;
    private string? _detailType;
    private string? _subType;
    private byte[]? _rawUtf8;
    private RawElement? _raw;

    // The hierarchy is closed: dispatch code can rely on knowing every kind of event.
    private protected Event(string postType, string? detailType)
    {
        _postType = postType;
        _detailType = detailType;
    }

    /// <summary>When the event happened, in Unix seconds.</summary>
    public long Time
    {
        get => _time;
        init => _time = value;
    }

    /// <summary>The QQ number of the bot account that received the event.</summary>
    public long SelfId
    {
        get => _selfId;
        init => _selfId = value;
    }

    /// <summary>
    /// The <c>post_type</c>: <c>message</c>, <c>notice</c>, <c>request</c>, <c>meta_event</c>, or
    /// <c>message_sent</c> (go-cqhttp's report of the bot's own messages). Empty when the JSON had none.
    /// </summary>
    public string PostType
    {
        get => _postType;
        init => _postType = value ?? string.Empty;
    }

    /// <summary>
    /// The second level of the event name: the value of <c>message_type</c>, <c>notice_type</c>,
    /// <c>request_type</c> or <c>meta_event_type</c> (for example <c>group</c>, <c>group_increase</c>,
    /// <c>friend</c>, <c>heartbeat</c>); null when the event has none.
    /// </summary>
    public string? DetailType
    {
        get => _detailType;
        init => _detailType = value;
    }

    /// <summary>The <c>sub_type</c> (for example <c>normal</c>, <c>kick</c>, <c>poke</c>); null when absent.</summary>
    public string? SubType
    {
        get => _subType;
        init => _subType = value;
    }

    /// <summary>
    /// The whole event as the implementation sent it, including fields CqBot does not model (for example
    /// an implementation's extension fields). Always available on parsed events and valid for the
    /// lifetime of the event; for an event built in code it is an undefined element unless one was given.
    /// </summary>
    /// <remarks>
    /// The parser keeps the event's bytes and builds this element the first time it is read, so events
    /// whose raw JSON is never looked at cost no extra parse.
    /// </remarks>
    public JsonElement Raw
    {
        get
        {
            var raw = _raw;
            if (raw is not null)
            {
                return raw.Value;
            }
            return _rawUtf8 is null ? default : CreateRaw(_rawUtf8);
        }
        init => _raw = new RawElement(value.ValueKind == JsonValueKind.Undefined ? value : value.Clone());
    }

    /// <summary>
    /// The event's JSON as received, in UTF-8; empty for an event built in code. Pass the event on (to a
    /// log, a queue, as the <c>.handle_quick_operation</c> context) from these bytes without building <see cref="Raw"/>.
    /// </summary>
    public ReadOnlyMemory<byte> RawUtf8 => _rawUtf8;

    /// <summary>Names the event as <c>post_type.detail_type.sub_type</c>, for logs.</summary>
    /// <returns>For example <c>message.group.normal</c>.</returns>
    public override string ToString() => (DetailType, SubType) switch
    {
        (null, _) => PostType,
        (_, null) => $"{PostType}.{DetailType}",
        _ => $"{PostType}.{DetailType}.{SubType}",
    };

    /// <summary>Sets the fields every event has; called once by the parser right after construction.</summary>
    internal void SetCommon(long time, long selfId, string postType, string? detailType, string? subType, byte[] rawUtf8)
    {
        // The parser builds events with object initialisers for their own fields and this method for
        // the shared ones, so the builders do not each repeat them; nothing else calls it.
        _time = time;
        _selfId = selfId;
        _postType = postType;
        _detailType = detailType;
        _subType = subType;
        _rawUtf8 = rawUtf8;
    }

    /// <summary>
    /// The group the event concerns: its <c>group_id</c>, read for every kind of event, including notices,
    /// requests and kinds CqBot does not model; null when the event has none (a private message, a friend
    /// request, a meta event) and for an event built in code.
    /// </summary>
    /// <remarks>Lets code that treats all events alike (logging, ordering by chat) find the group without matching on the type or reading <see cref="Raw"/>.</remarks>
    public long? ChatGroupId { get; private set; }

    /// <summary>
    /// The user the event concerns: its <c>user_id</c>, read for every kind of event, including notices,
    /// requests and kinds CqBot does not model; null when the event has none (a meta event) and for an event
    /// built in code.
    /// </summary>
    public long? ChatUserId { get; private set; }

    internal void SetChat(long? groupId, long? userId)
    {
        ChatGroupId = groupId;
        ChatUserId = userId;
    }

    private JsonElement CreateRaw(byte[] utf8)
    {
        // Parse-then-Clone measured about twice as fast as JsonElement.ParseValue for a typical event;
        // the clone owns its memory, so the pooled document can be returned at once.
        JsonElement element;
        using (var document = JsonDocument.Parse(utf8))
        {
            element = document.RootElement.Clone();
        }
        Interlocked.CompareExchange(ref _raw, new RawElement(element), null);
        return _raw!.Value;
    }

    // A reference type so that the lazily built element is published atomically.
    private sealed class RawElement(JsonElement value)
    {
        public JsonElement Value { get; } = value;
    }
}
