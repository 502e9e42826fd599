namespace CqBot;

/// <summary>What sending a message answers: the id of the message sent.</summary>
public sealed record SentMessage
{
    /// <summary>
    /// The message's id, for <c>DeleteMessageAsync</c>, <c>GetMessageAsync</c> or a reply segment; 0 when the
    /// implementation did not report one. May be negative, and may exceed the range of an <see cref="int"/>.
    /// </summary>
    public long MessageId { get; init; }
}
