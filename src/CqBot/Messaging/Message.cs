using System.Collections;
using System.Text;

namespace CqBot;

/// <summary>A chat message: a sequence of segments (text, @-mentions, faces, images, …).</summary>
public sealed class Message : IReadOnlyList<Segment>, IEquatable<Message>
{
    private readonly Segment[] _segments;

    /// <summary>Creates a message from segments.</summary>
    public Message(params Segment[] segments) => _segments = segments;

    /// <summary>Creates a message from segments.</summary>
    public Message(IEnumerable<Segment> segments) => _segments = [.. segments];

    /// <summary>A message with no segments.</summary>
    public static Message Empty { get; } = new();

    /// <inheritdoc />
    public int Count => _segments.Length;

    /// <inheritdoc />
    public Segment this[int index] => _segments[index];

    /// <summary>A message of one text segment.</summary>
    public static implicit operator Message(string text) => text.Length == 0 ? Empty : new(Segment.Text(text));

    /// <summary>Reads a CQ-code string.</summary>
    public static Message FromCqCode(string cqCode) => cqCode;

    /// <summary>The text segments joined together.</summary>
    public string GetPlainText()
    {
        var builder = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (segment.Type == "text")
            {
                builder.Append(segment["text"]);
            }
        }
        return builder.ToString();
    }

    /// <summary>The message in CQ-code form.</summary>
    public string ToCqCode() => GetPlainText();

    /// <inheritdoc />
    public override string ToString() => ToCqCode();

    /// <inheritdoc />
    public IEnumerator<Segment> GetEnumerator() => ((IEnumerable<Segment>)_segments).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(Message? other) => other is not null && _segments.AsSpan().SequenceEqual(other._segments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Message);

    /// <inheritdoc />
    public override int GetHashCode() => _segments.Length;
}
