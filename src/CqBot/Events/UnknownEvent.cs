namespace CqBot;

/// <summary>
/// An event whose <c>post_type</c> (or whose <c>message_type</c>) CqBot does not know, such as go-cqhttp's
/// guild messages. It is delivered rather than dropped: <see cref="Event.PostType"/>,
/// <see cref="Event.DetailType"/> and <see cref="Event.SubType"/> hold what the JSON said, and
/// <see cref="Event.Raw"/> holds the rest.
/// </summary>
public sealed class UnknownEvent : Event
{
    /// <summary>Creates an empty event; the parser fills in every field.</summary>
    public UnknownEvent()
        : base(string.Empty, null)
    {
    }
}
