namespace CqBot;

/// <summary>
/// The content of a merged-forward message, from <c>GetForwardMessageAsync</c>. Implementations answer in
/// two shapes: the spec's (Lagrange) has <see cref="Message"/>, a message of <c>node</c> segments; go-cqhttp
/// and NapCat have <see cref="Messages"/>, one item per forwarded message. Read whichever is not empty.
/// </summary>
public sealed record ForwardMessage
{
    /// <summary>The forwarded messages as <c>node</c> segments (spec shape); empty when the implementation answers with <see cref="Messages"/>.</summary>
    public Message Message { get; init; } = Message.Empty;

    /// <summary>The forwarded messages one by one (go-cqhttp and NapCat shape); empty when the implementation answers with <see cref="Message"/>.</summary>
    public IReadOnlyList<ForwardedMessage> Messages { get; init; } = [];
}

/// <summary>One message inside a merged forward (go-cqhttp and NapCat shape).</summary>
public sealed record ForwardedMessage
{
    /// <summary>Who sent it; null when not reported.</summary>
    public MessageSender? Sender { get; init; }

    /// <summary>When it was sent, in Unix seconds; 0 when not reported.</summary>
    public long Time { get; init; }

    /// <summary>The group it came from; null when not reported.</summary>
    public long? GroupId { get; init; }

    /// <summary>The content as go-cqhttp names it; null when the implementation uses <see cref="Message"/>.</summary>
    public Message? Content { get; init; }

    /// <summary>The content as NapCat names it; null when the implementation uses <see cref="Content"/>.</summary>
    public Message? Message { get; init; }
}
