namespace CqBot;

/// <summary>What a <see cref="SegmentValue"/> holds.</summary>
public enum SegmentValueKind
{
    /// <summary>
    /// A string, as OneBot specifies for every segment data value. Numbers and booleans that an
    /// implementation sends in their JSON form are read as their text (<c>"123"</c>, <c>"true"</c>).
    /// </summary>
    String,

    /// <summary>
    /// A nested message, as in the array form of a forward node's <c>content</c>.
    /// </summary>
    Message,

    /// <summary>
    /// Any other JSON value (an object, or an array that is not a message) that an implementation put
    /// into segment data; it is kept as JSON text so that it is written back unchanged.
    /// </summary>
    Json,
}
