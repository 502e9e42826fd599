namespace CqBot;

/// <summary>
/// One event being handled: the event, the bot account that received it, and helpers to answer where
/// it came from.
/// </summary>
public sealed class Session
{
    private string? _content;
    private string? _plainText;

    /// <summary>
    /// The quick operation that middleware or a command asked for beyond a reply (delete, kick, ban,
    /// @-mention the sender…); the dispatcher merges it with the chain's reply.
    /// </summary>
    public QuickOperation? PendingOperation { get; set; }

    /// <summary>Creates a session for an event received by <paramref name="bot"/>.</summary>
    public Session(Event @event, IBot bot, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        Event = @event;
        Bot = bot;
        Services = services;
        CancellationToken = cancellationToken;
    }

    /// <summary>The event.</summary>
    public Event Event { get; }

    /// <summary>The bot account that received the event; call any API through it.</summary>
    public IBot Bot { get; }

    /// <summary>Services of this event's dependency-injection scope.</summary>
    public IServiceProvider Services { get; }

    /// <summary>
    /// Cancelled when the bot shuts down (running handlers first get <c>ShutdownTimeout</c> to finish), or
    /// when the account that received the event loses its last WebSocket connection: nothing could be
    /// sent back then. An account that only posts events over HTTP has no connection to lose.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The message event, or null when the event is not a message.</summary>
    public MessageEvent? MessageEvent => Event as MessageEvent;

    /// <summary>True for a message in a group.</summary>
    public bool IsGroup => Event is GroupMessageEvent;

    /// <summary>True for a private message.</summary>
    public bool IsPrivate => Event is PrivateMessageEvent;

    /// <summary>The sender's QQ number, or 0 when the event has no sender.</summary>
    public long UserId => MessageEvent?.UserId ?? 0;

    /// <summary>The group the event happened in, or null.</summary>
    public long? GroupId => (Event as GroupMessageEvent)?.GroupId;

    /// <summary>
    /// The whole message in CQ-code form, as Koishi's <c>session.content</c> keeps elements:
    /// <c>ban [CQ:at,qq=1] 10m</c>. Text is CQ-escaped (<c>&amp;</c> is <c>&amp;amp;</c>, <c>[</c> and
    /// <c>]</c> are <c>&amp;#91;</c> and <c>&amp;#93;</c>). This is the text commands are parsed from.
    /// Empty for events that are not messages. For the text alone, use <see cref="PlainText"/>.
    /// </summary>
    public string Content => _content ??= MessageEvent?.Message.ToCqCode() ?? "";

    /// <summary>
    /// The message's text segments joined, unescaped, with @-mentions, images and other segments left
    /// out: <c>ban  10m</c> for <c>ban [CQ:at,qq=1] 10m</c>. Empty for events that are not messages.
    /// </summary>
    public string PlainText => _plainText ??= MessageEvent?.Message.GetPlainText() ?? "";

    /// <summary>A service from the event's dependency-injection scope; throws when it is not registered.</summary>
    public T GetRequiredService<T>()
        where T : notnull =>
        Services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException($"A service of type '{typeof(T).FullName}' is needed but not registered. Add it to the builder's Services.");

    /// <summary>Sends a message where the event came from: the group, or the private chat (<c>send_msg</c>).</summary>
    /// <remarks>The message id is not read, so an implementation that answers without one is no failure.</remarks>
    public async ValueTask SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        switch (Event)
        {
            case GroupMessageEvent group:
                await Bot.CallAsync((ApiRequest)new MessageActions.SendMessageRequest(message, MessageType.Group, groupId: group.GroupId), cancellationToken).ConfigureAwait(false);
                break;
            case PrivateMessageEvent direct:
                await Bot.CallAsync((ApiRequest)new MessageActions.SendMessageRequest(message, MessageType.Private, userId: direct.UserId), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"A '{Event.PostType}' event has no chat to reply to; call an API on Session.Bot instead.");
        }
    }
}
