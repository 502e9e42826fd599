using CqBot.Events;
using CqBot.Json;

namespace CqBot;

/// <summary>
/// A message the bot itself sent (<c>post_type</c> <c>message_sent</c>), reported by go-cqhttp when
/// <c>report-self-message</c> is on and by NapCat/LLOneBot with <c>reportSelfMessage</c>. Not in the v11
/// spec. Deliberately not a <see cref="MessageEvent"/>: a bot that answered these would answer itself.
/// </summary>
public sealed class MessageSentEvent : Event
{
    private MessageSender? _sender;
    private DeferredSender _deferredSender;
    private string? _rawMessage;
    private DeferredRawMessage _deferredRawMessage;

    /// <summary>Creates an empty event; the parser fills in every field.</summary>
    public MessageSentEvent()
        : base(EventNames.MessageSent, null)
    {
    }

    /// <summary>The <c>message_type</c>: <c>private</c> or <c>group</c>.</summary>
    public string MessageType => DetailType ?? string.Empty;

    /// <summary>The message id, for recalls and <c>get_msg</c>.</summary>
    public long MessageId { get; init; }

    /// <summary>The sender's QQ number: the bot's own.</summary>
    public long UserId { get; init; }

    /// <summary>The group the message was sent to; null for a private message.</summary>
    public long? GroupId { get; init; }

    /// <summary>The friend a private message was sent to; null when not reported.</summary>
    public long? TargetId { get; init; }

    /// <summary>The message, from either the CQ-code string or the segment array form.</summary>
    public Message Message { get; init; } = MessageEvent.EmptyMessage;

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

    /// <summary>The font id; usually 0.</summary>
    public int Font { get; init; }

    /// <summary>The bot as the sender; never null.</summary>
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

    /// <summary>The message's sequence number in its chat; null when not reported.</summary>
    public long? MessageSeq { get; init; }
}

/// <summary>A member received a new special title in a group (<c>notice.notify.title</c>, go-cqhttp extension).</summary>
public sealed class TitleNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public TitleNotice()
        : base(EventNames.Notify)
    {
        SubType = EventNames.Title;
    }

    /// <summary>The group's number.</summary>
    public long GroupId { get; init; }

    /// <summary>The QQ number of the member.</summary>
    public long UserId { get; init; }

    /// <summary>The new title.</summary>
    public string Title { get; init; } = string.Empty;
}

/// <summary>A member's group card (group nickname) changed (<c>notice.group_card</c>, go-cqhttp extension).</summary>
public sealed class GroupCardNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public GroupCardNotice()
        : base(EventNames.GroupCard)
    {
    }

    /// <summary>The group's number.</summary>
    public long GroupId { get; init; }

    /// <summary>The QQ number of the member.</summary>
    public long UserId { get; init; }

    /// <summary>The new card; empty when the card was cleared (not the nickname).</summary>
    public string CardNew { get; init; } = string.Empty;

    /// <summary>The previous card; empty when there was none.</summary>
    public string CardOld { get; init; } = string.Empty;
}

/// <summary>
/// A group message was made an essence message (<see cref="Event.SubType"/> <c>add</c>) or stopped being one
/// (<c>delete</c>) (<c>notice.essence</c>, go-cqhttp extension).
/// </summary>
public sealed class EssenceNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public EssenceNotice()
        : base(EventNames.Essence)
    {
    }

    /// <summary>The group's number.</summary>
    public long GroupId { get; init; }

    /// <summary>The QQ number of the message's sender.</summary>
    public long SenderId { get; init; }

    /// <summary>The administrator who changed it.</summary>
    public long OperatorId { get; init; }

    /// <summary>The message's id.</summary>
    public long MessageId { get; init; }
}

/// <summary>A friend sent the bot a file directly (<c>notice.offline_file</c>, go-cqhttp extension).</summary>
public sealed class OfflineFileNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public OfflineFileNotice()
        : base(EventNames.OfflineFile)
    {
    }

    /// <summary>The sender's QQ number.</summary>
    public long UserId { get; init; }

    /// <summary>The file.</summary>
    public OfflineFileInfo File { get; init; } = new();
}

/// <summary>
/// Another client logged in to the bot's account went online or offline (<c>notice.client_status</c>,
/// go-cqhttp extension).
/// </summary>
public sealed class ClientStatusNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public ClientStatusNotice()
        : base(EventNames.ClientStatus)
    {
    }

    /// <summary>The client whose status changed.</summary>
    public ClientDevice Client { get; init; } = new();

    /// <summary>Whether the client is now online.</summary>
    public bool Online { get; init; }
}

/// <summary>A client (device) logged in to the bot's QQ account, as reported by <see cref="ClientStatusNotice"/>.</summary>
public sealed class ClientDevice
{
    /// <summary>The QQ client's app id, which identifies the kind of client.</summary>
    public long AppId { get; init; }

    /// <summary>The device's name, such as <c>iPad</c>.</summary>
    public string DeviceName { get; init; } = string.Empty;

    /// <summary>The kind of device, such as <c>iPad</c>.</summary>
    public string DeviceKind { get; init; } = string.Empty;
}
