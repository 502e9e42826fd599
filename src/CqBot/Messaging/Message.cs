using System.Collections;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using CqBot.Messaging;

namespace CqBot;

/// <summary>
/// A chat message: an immutable list of <see cref="Segment"/>s (text, @mentions, faces, images, …).
/// </summary>
/// <remarks>
/// <para>
/// A string converts to a message implicitly as plain text, so a handler can return <c>"pong"</c>; text is
/// never read as CQ code that way. To read CQ code (OneBot's string message format) use
/// <see cref="FromCqCode(string)"/>; to build a rich message use <see cref="CreateBuilder"/> or a collection
/// expression: <c>Message reply = [Segment.Reply(id), Segment.Text("done")];</c>.
/// </para>
/// <para>
/// Two messages are equal when they have equal segments in the same order. Adjacent text segments are
/// kept as they are, not merged. In JSON (through <see cref="MessageJsonConverter"/>) a message is read from
/// a CQ-code string or a segment array and written as a segment array.
/// </para>
/// </remarks>
[CollectionBuilder(typeof(Message), nameof(Create))]
[JsonConverter(typeof(MessageJsonConverter))]
public sealed class Message : IReadOnlyList<Segment>, IEquatable<Message>
{
    private readonly Segment[] _segments;

    // Takes the array without copying; the bool only sets it apart from the public params constructor.
    private Message(Segment[] segments, bool owned)
    {
        Debug.Assert(owned, "Only arrays the caller gives up may be wrapped.");
        _segments = segments;
    }

    /// <summary>Creates a message from segments (they are copied).</summary>
    /// <param name="segments">The segments in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="segments"/> or one of them is <see langword="null"/>.</exception>
    public Message(IEnumerable<Segment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Segment[] copy = segments is ICollection<Segment> collection ? CopyCollection(collection) : [.. segments];
        ThrowIfAnyNull(copy);
        _segments = copy;
    }

    /// <summary>Creates a message from segments (they are copied).</summary>
    /// <param name="segments">The segments in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="segments"/> or one of them is <see langword="null"/>.</exception>
    public Message(params Segment[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        _segments = CheckedCopy(segments.AsSpan());
    }

    /// <summary>The message with no segments.</summary>
    public static Message Empty { get; } = new([], owned: true);

    /// <summary>The number of segments.</summary>
    public int Count => _segments.Length;

    /// <summary>The segment at <paramref name="index"/>.</summary>
    /// <param name="index">A position from 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public Segment this[int index] => _segments[index];

    /// <summary>
    /// Creates a message from segments; this is what a collection expression such as
    /// <c>[Segment.At(id), Segment.Text(" hi")]</c> calls.
    /// </summary>
    /// <param name="segments">The segments in order (they are copied).</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException">One of the segments is <see langword="null"/>.</exception>
    public static Message Create(ReadOnlySpan<Segment> segments) => segments.IsEmpty ? Empty : new Message(CheckedCopy(segments), owned: true);

    /// <summary>Converts text to a message of one text segment; the text is not read as CQ code.</summary>
    /// <param name="text">The plain text; <see langword="null"/> or empty gives <see cref="Empty"/>.</param>
    public static implicit operator Message(string text) =>
        string.IsNullOrEmpty(text) ? Empty : new Message([Segment.CreateText(text)], owned: true);

    /// <summary>
    /// Reads a message in OneBot's string format (CQ code), for example
    /// <c>"[CQ:at,qq=10001000] hello"</c>. Never throws: anything that is not a well-formed CQ code is read as text.
    /// </summary>
    /// <param name="cqCode">The string message; <see langword="null"/> or empty gives <see cref="Empty"/>.</param>
    /// <returns>The parsed message.</returns>
    /// <remarks>
    /// Follows the parser that nonebot and aiocqhttp share: a code is <c>[CQ:type]</c> or
    /// <c>[CQ:type,key=value,…]</c> with type and keys of letters, digits, <c>-</c>, <c>_</c> and <c>.</c> and no
    /// spaces; values end at <c>,</c> or <c>]</c>; <c>&amp;amp;</c>, <c>&amp;#91;</c>, <c>&amp;#93;</c> and <c>&amp;#44;</c>
    /// are unescaped; a repeated key keeps its last value; a <c>[CQ:text,text=…]</c> code becomes text.
    /// </remarks>
    public static Message FromCqCode(string cqCode) => CqCodeParser.Parse(cqCode);

    /// <summary>Starts building a message fluently: <c>Message.CreateBuilder().At(id).Text(" hi").Build()</c>.</summary>
    /// <returns>A new, empty builder.</returns>
    public static MessageBuilder CreateBuilder() => new();

    /// <summary>
    /// Writes the message in OneBot's string format: text with <c>&amp;</c>, <c>[</c> and <c>]</c> escaped, every other
    /// segment as <c>[CQ:type,key=value,…]</c> with <c>,</c> escaped in values too.
    /// </summary>
    /// <returns>The CQ-code string; <c>""</c> for an empty message.</returns>
    public string ToCqCode() => CqCodeFormatter.Format(this);

    /// <summary>The text segments joined, without the other segments: what a user typed.</summary>
    /// <returns>The plain text; <c>""</c> when there is none.</returns>
    public string GetPlainText()
    {
        string? single = null;
        var textCount = 0;
        foreach (var segment in _segments)
        {
            if (segment.TextOrNull is { Length: > 0 } text)
            {
                single ??= text;
                textCount++;
            }
        }

        if (textCount <= 1)
        {
            return single ?? string.Empty;
        }

        var builder = new System.Text.StringBuilder();
        foreach (var segment in _segments)
        {
            builder.Append(segment.TextOrNull);
        }

        return builder.ToString();
    }

    /// <summary>The message as CQ code; the same as <see cref="ToCqCode"/>.</summary>
    /// <returns>The CQ-code string.</returns>
    public override string ToString() => ToCqCode();

    /// <summary>Returns an enumerator over the segments in order.</summary>
    /// <returns>A struct enumerator; <c>foreach</c> over a message does not allocate.</returns>
    public Enumerator GetEnumerator() => new(_segments);

    IEnumerator<Segment> IEnumerable<Segment>.GetEnumerator() => ((IEnumerable<Segment>)_segments).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _segments.GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(Message? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._segments.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < _segments.Length; i++)
        {
            if (!_segments[i].Equals(other._segments[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Message);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in _segments)
        {
            hash.Add(segment);
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares two messages segment by segment.</summary>
    /// <param name="left">The first message.</param>
    /// <param name="right">The second message.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(Message? left, Message? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two messages segment by segment.</summary>
    /// <param name="left">The first message.</param>
    /// <param name="right">The second message.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Message? left, Message? right) => !(left == right);

    /// <summary>Wraps an array that the caller built and gives up; no copy, no checks.</summary>
    internal static Message FromOwnedArray(Segment[] segments) => segments.Length == 0 ? Empty : new Message(segments, owned: true);

    private static Segment[] CopyCollection(ICollection<Segment> collection)
    {
        var copy = new Segment[collection.Count];
        collection.CopyTo(copy, 0);
        return copy;
    }

    private static Segment[] CheckedCopy(ReadOnlySpan<Segment> segments)
    {
        ThrowIfAnyNull(segments);
        return segments.ToArray();
    }

    private static void ThrowIfAnyNull(ReadOnlySpan<Segment> segments)
    {
        foreach (var segment in segments)
        {
            if (segment is null)
            {
                throw new ArgumentNullException(nameof(segments), "A message cannot contain a null segment.");
            }
        }
    }

    /// <summary>Enumerates the segments of a <see cref="Message"/> without allocating.</summary>
    public struct Enumerator
    {
        private readonly Segment[] _segments;
        private int _index;

        internal Enumerator(Segment[] segments)
        {
            _segments = segments;
            _index = -1;
        }

        /// <summary>The current segment.</summary>
        public readonly Segment Current => _segments[_index];

        /// <summary>Advances to the next segment.</summary>
        /// <returns><see langword="false"/> after the last segment.</returns>
        public bool MoveNext() => ++_index < _segments.Length;
    }
}
