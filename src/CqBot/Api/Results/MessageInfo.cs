namespace CqBot;

/// <summary>
/// A stored message, as <c>GetMessageAsync</c> or a history call returns it. Implementations differ in
/// what they add (go-cqhttp's sender has only the id and nickname; NapCat returns the whole message
/// event), so every field but the id may be missing.
/// </summary>
public sealed record MessageInfo
{
    /// <summary>The message id.</summary>
    public required long MessageId { get; init; }

    /// <summary>The implementation's own id or sequence number of the message; null when not reported.</summary>
    public long? RealId { get; init; }

    /// <summary>When it was sent, in Unix seconds; 0 when not reported.</summary>
    public long Time { get; init; }

    /// <summary>Whether it was sent in a private chat or a group; null when not reported.</summary>
    public MessageType? MessageType { get; init; }

    /// <summary>The group it was sent in (an extension of go-cqhttp and NapCat); null for private messages or when not reported.</summary>
    public long? GroupId { get; init; }

    /// <summary>The sender's QQ number (NapCat and history calls); null when only <see cref="Sender"/> has it.</summary>
    public long? UserId { get; init; }

    /// <summary>Who sent it, as the implementation describes them; null when not reported.</summary>
    public MessageSender? Sender { get; init; }

    /// <summary>The message itself; empty when not reported.</summary>
    public Message Message { get; init; } = Message.Empty;
}
