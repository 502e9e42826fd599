using CqBot.Events;
using CqBot.Json;

namespace CqBot;

/// <summary>
/// A message someone sent to the bot (<c>post_type</c> <c>message</c>): a <see cref="PrivateMessageEvent"/>
/// or a <see cref="GroupMessageEvent"/>. The bot's own messages, which go-cqhttp can report, arrive as
/// <see cref="MessageSentEvent"/> instead, so a handler of this type never answers itself.
/// </summary>
public abstract class MessageEvent : Event
{
    private MessageSender? _sender;
    private DeferredSender _deferredSender;
    private string? _rawMessage;
    private DeferredRawMessage _deferredRawMessage;

    private protected MessageEvent(string messageType)
        : base(EventNames.Message, messageType)
    {
    }

    /// <summary>The <c>message_type</c>: <c>private</c> or <c>group</c>.</summary>
    public string MessageType => DetailType ?? string.Empty;

    /// <summary>
    /// The message id, for replies, recalls and <c>get_msg</c>. Specified as int32 but held as a long:
    /// implementations send negative hashes and larger values.
    /// </summary>
    public long MessageId { get; init; }

    /// <summary>The sender's QQ number.</summary>
    public long UserId { get; init; }

    /// <summary>
    /// The message. Implementations send it as a CQ-code string or as a segment array, depending on their
    /// configuration; both arrive here as the same segments.
    /// </summary>
    public Message Message { get; init; } = EmptyMessage;

    /// <summary>The message as a CQ-code string, exactly as the implementation sent <c>raw_message</c>.</summary>
    /// <remarks>A parsed event decodes it from its JSON on first use; without a <c>raw_message</c>, it is <see cref="Message"/> as CQ code.</remarks>
    public string RawMessage
    {
        get => _rawMessage ?? DeferredRawMessage.Load(ref _rawMessage, _deferredRawMessage, RawUtf8.Span, Message);
        init => _rawMessage = value;
    }

    internal (string? Built, DeferredRawMessage Deferred) ParsedRawMessage
    {
        init => (_rawMessage, _deferredRawMessage) = value;
    }

    /// <summary>The font id; meaningless on modern QQ and usually 0.</summary>
    public int Font { get; init; }

    /// <summary>
    /// Who sent the message. Never null: when the implementation sent no <c>sender</c>, this holds only
    /// the event's <see cref="UserId"/>.
    /// </summary>
    /// <remarks>A parsed event reads its sender from its JSON on first use.</remarks>
    public MessageSender Sender
    {
        get => _sender ?? DeferredSender.Load(ref _sender, _deferredSender, RawUtf8.Span, UserId);
        init => _sender = value;
    }

    internal (MessageSender? Built, DeferredSender Deferred) ParsedSender
    {
        init => (_sender, _deferredSender) = value;
    }

    /// <summary>The message's sequence number in its chat (go-cqhttp and NapCat extension); null when not reported.</summary>
    public long? MessageSeq { get; init; }

    internal static Message EmptyMessage { get; } = Message.FromCqCode(string.Empty);
}

/// <summary>
/// A private message to the bot (<c>message.private</c>). <see cref="Event.SubType"/> says where it came
/// from: <c>friend</c>, <c>group</c> (a temporary session started from a group) or <c>other</c>.
/// </summary>
public sealed class PrivateMessageEvent : MessageEvent
{
    /// <summary>Creates an empty private message event; the parser fills in every field.</summary>
    public PrivateMessageEvent()
        : base(EventNames.Private)
    {
    }

    /// <summary>The account that received the message (go-cqhttp extension, usually the bot); null when not reported.</summary>
    public long? TargetId { get; init; }

    /// <summary>
    /// Where a temporary session came from, as go-cqhttp's <c>temp_source</c> code (0 is a group); null
    /// when not reported.
    /// </summary>
    public int? TempSource { get; init; }
}

/// <summary>A message in a group the bot is in (<c>message.group</c>); <see cref="Event.SubType"/> is <c>normal</c>, <c>anonymous</c> or <c>notice</c>.</summary>
public sealed class GroupMessageEvent : MessageEvent
{
    /// <summary>Creates an empty group message event; the parser fills in every field.</summary>
    public GroupMessageEvent()
        : base(EventNames.Group)
    {
    }

    /// <summary>The group's number.</summary>
    public long GroupId { get; init; }

    /// <summary>
    /// Who sent an anonymous message, or null for an ordinary one. For anonymous messages
    /// <see cref="MessageEvent.UserId"/> and <see cref="MessageEvent.Sender"/> are placeholders.
    /// </summary>
    public AnonymousInfo? Anonymous { get; init; }

    /// <summary>Whether the message was sent anonymously.</summary>
    public bool IsAnonymous => Anonymous is not null;
}
