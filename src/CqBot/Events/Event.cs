using System.Text.Json;

namespace CqBot;

/// <summary>Any event an OneBot implementation reports.</summary>
public abstract class Event
{
    /// <summary>Unix time in seconds.</summary>
    public long Time { get; init; }

    /// <summary>The bot account that received the event.</summary>
    public long SelfId { get; init; }

    /// <summary><c>message</c>, <c>notice</c>, <c>request</c> or <c>meta_event</c>.</summary>
    public string PostType { get; init; } = "";

    /// <summary>The event's raw JSON.</summary>
    public JsonElement Raw { get; init; }
}

/// <summary>An event whose kind CqBot does not model; its JSON is in <see cref="Event.Raw"/>.</summary>
public sealed class UnknownEvent : Event;

/// <summary>Who sent a message.</summary>
public sealed class MessageSender
{
    /// <summary>The sender's QQ number.</summary>
    public long UserId { get; init; }

    /// <summary>The sender's nickname.</summary>
    public string? Nickname { get; init; }
}

/// <summary>A message received in a private chat or a group.</summary>
public abstract class MessageEvent : Event
{
    /// <summary><c>private</c> or <c>group</c>.</summary>
    public string MessageType { get; init; } = "";

    /// <summary>The message id.</summary>
    public long MessageId { get; init; }

    /// <summary>The sender's QQ number.</summary>
    public long UserId { get; init; }

    /// <summary>The message.</summary>
    public Message Message { get; init; } = Message.Empty;

    /// <summary>The message as a CQ-code string, as the implementation sent it.</summary>
    public string RawMessage { get; init; } = "";

    /// <summary>The sender.</summary>
    public MessageSender Sender { get; init; } = new();
}

/// <summary>A private message.</summary>
public sealed class PrivateMessageEvent : MessageEvent;

/// <summary>A group message.</summary>
public sealed class GroupMessageEvent : MessageEvent
{
    /// <summary>The group number.</summary>
    public long GroupId { get; init; }
}
