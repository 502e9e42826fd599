using CqBot.Messaging;

namespace CqBot;

/// <summary>
/// One part of a <see cref="Message"/>: a type (<c>text</c>, <c>at</c>, <c>image</c>, …) and its data,
/// ordered key/value pairs whose values are strings. Immutable; equal to another segment with the same
/// type and the same data in the same order.
/// </summary>
/// <remarks>
/// Create the segments of OneBot v11 with the static factories (<see cref="Text(string)"/>,
/// <see cref="At(long)"/>, <see cref="Image(string, bool, bool?, bool?, int?)"/>, …). Any other type, such as
/// an implementation's extension, is created with the constructor and is kept as it is through CQ code
/// and JSON.
/// </remarks>
public sealed partial class Segment : IEquatable<Segment>
{
    // A property, not a field: the singletons in Segment.Factories.cs must not depend on field initialisation order.
    private static KeyValuePair<string, SegmentValue>[] NoEntries => [];

    private readonly string _type;

    // Storage: a plain text segment keeps only its text (no pair array); every other segment keeps its pairs.
    private readonly KeyValuePair<string, SegmentValue>[]? _entries;
    private readonly string? _text;

    private Segment(string type, KeyValuePair<string, SegmentValue>[]? entries, string? text)
    {
        _type = type;
        _entries = entries;
        _text = text;
    }

    /// <summary>
    /// Creates a segment of any type, for example an implementation's extension:
    /// <c>new Segment("mface", ("emoji_id", "123"), ("key", "abc"))</c>.
    /// </summary>
    /// <param name="type">The segment type, as written after <c>[CQ:</c> and in the JSON <c>type</c>.</param>
    /// <param name="data">The data pairs in order; when a key repeats, the last value is kept (at the first position).</param>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> or a key is <see langword="null"/>.</exception>
    public Segment(string type, params ReadOnlySpan<(string Key, SegmentValue Value)> data)
    {
        ArgumentNullException.ThrowIfNull(type);
        var pairs = new KeyValuePair<string, SegmentValue>[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            pairs[i] = new KeyValuePair<string, SegmentValue>(data[i].Key, data[i].Value);
        }

        _type = type;
        (_entries, _text) = Normalize(type, RemoveRepeatedKeys(pairs));
    }

    /// <summary>
    /// Creates a segment of any type from pairs held in a collection, for example the <see cref="Data"/> of
    /// another segment with a pair added.
    /// </summary>
    /// <param name="type">The segment type.</param>
    /// <param name="data">The data pairs in order; when a key repeats, the last value is kept (at the first position).</param>
    /// <exception cref="ArgumentNullException"><paramref name="type"/>, <paramref name="data"/> or a key is <see langword="null"/>.</exception>
    public Segment(string type, IEnumerable<KeyValuePair<string, SegmentValue>> data)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(data);
        _type = type;
        (_entries, _text) = Normalize(type, RemoveRepeatedKeys([.. data]));
    }

    /// <summary>The segment type, for example <c>text</c>, <c>at</c> or <c>image</c> (see <see cref="SegmentTypes"/>).</summary>
    public string Type => _type;

    /// <summary>The data pairs in order.</summary>
    public SegmentData Data => new(_entries, _text);

    /// <summary>
    /// The value of a data key as a string, or <see langword="null"/> when the key is absent:
    /// <c>segment["qq"]</c> on an <c>at</c> segment gives the target's id. A nested message is given as its CQ code.
    /// </summary>
    /// <param name="key">The data key, case-sensitive.</param>
    public string? this[string key] => TryGetValue(key, out var value) ? value.ToString() : null;

    /// <summary>Looks up the value of a data key.</summary>
    /// <param name="key">The data key, case-sensitive.</param>
    /// <param name="value">The value when found; otherwise the default value.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    public bool TryGetValue(string key, out SegmentValue value) => Data.TryGetValue(key, out value);

    /// <summary>
    /// Reads a data value as a message, for example the <c>content</c> of a forward node, whether it
    /// arrived as a segment array or as a CQ-code string.
    /// </summary>
    /// <param name="key">The data key, case-sensitive.</param>
    /// <returns>The message, or <see langword="null"/> when the key is absent or holds JSON that is not a message.</returns>
    public Message? GetMessage(string key) => TryGetValue(key, out var value) ? value.ToMessage() : null;

    /// <summary>Whether this is a plain text segment (<see cref="Type"/> is <c>text</c>).</summary>
    public bool IsText => string.Equals(_type, SegmentTypes.Text, StringComparison.Ordinal);

    /// <summary>The segment as CQ code: text escaped, any other type as <c>[CQ:type,key=value,…]</c>.</summary>
    /// <returns>The CQ code of this segment alone.</returns>
    public override string ToString() => CqCodeFormatter.Format(this);

    /// <inheritdoc/>
    public bool Equals(Segment? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || !string.Equals(_type, other._type, StringComparison.Ordinal))
        {
            return false;
        }

        if (_text is not null && other._text is not null)
        {
            return string.Equals(_text, other._text, StringComparison.Ordinal);
        }

        var data = Data;
        var otherData = other.Data;
        if (data.Count != otherData.Count)
        {
            return false;
        }

        for (var i = 0; i < data.Count; i++)
        {
            var entry = data[i];
            var otherEntry = otherData[i];
            if (!string.Equals(entry.Key, otherEntry.Key, StringComparison.Ordinal) || !entry.Value.Equals(otherEntry.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Segment);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_type, StringComparer.Ordinal);
        foreach (var entry in Data)
        {
            hash.Add(entry.Key, StringComparer.Ordinal);
            hash.Add(entry.Value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares two segments by type and data.</summary>
    /// <param name="left">The first segment.</param>
    /// <param name="right">The second segment.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(Segment? left, Segment? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two segments by type and data.</summary>
    /// <param name="left">The first segment.</param>
    /// <param name="right">The second segment.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Segment? left, Segment? right) => !(left == right);

    /// <summary>Creates a text segment without checks; the parsers call it with text they produced.</summary>
    internal static Segment CreateText(string text) => new(SegmentTypes.Text, null, text);

    /// <summary>
    /// Creates a segment from pairs whose keys the caller already made unique (the factories pass literal,
    /// distinct keys; the parsers fold repeats), copying them without the duplicate check; a plain text
    /// segment keeps just its text, so no pair array is made for it.
    /// </summary>
    internal static Segment Create(string type, ReadOnlySpan<KeyValuePair<string, SegmentValue>> entries) =>
        TextOf(type, entries) is { } text
            ? CreateText(text)
            : new Segment(type, entries.IsEmpty ? NoEntries : entries.ToArray(), null);

    /// <summary>The text of a text segment, without allocating; <see langword="null"/> when there is none.</summary>
    internal string? TextOrNull => _text ?? (IsText && TryGetValue(SegmentTypes.Text, out var value) ? value.ToString() : null);

    private static (KeyValuePair<string, SegmentValue>[]? Entries, string? Text) Normalize(string type, KeyValuePair<string, SegmentValue>[] entries) =>
        TextOf(type, entries) is { } text ? (null, text) : (entries.Length == 0 ? NoEntries : entries, null);

    /// <summary>The text when the pairs are exactly a text segment's one string <c>text</c>; otherwise <see langword="null"/>.</summary>
    private static string? TextOf(string type, ReadOnlySpan<KeyValuePair<string, SegmentValue>> entries) =>
        entries.Length == 1
        && string.Equals(type, SegmentTypes.Text, StringComparison.Ordinal)
        && string.Equals(entries[0].Key, SegmentTypes.Text, StringComparison.Ordinal)
        && entries[0].Value.Kind == SegmentValueKind.String
            ? entries[0].Value.ToString()
            : null;

    /// <summary>Checks the keys and folds repeated ones in place (last value, first position); returns the used part.</summary>
    private static KeyValuePair<string, SegmentValue>[] RemoveRepeatedKeys(KeyValuePair<string, SegmentValue>[] entries)
    {
        var count = 0;
        foreach (var entry in entries)
        {
            if (entry.Key is null)
            {
                throw new ArgumentNullException("data", "A segment data key is null; every key must be a string.");
            }

            var existing = IndexOfKey(entries.AsSpan(0, count), entry.Key);
            if (existing >= 0)
            {
                entries[existing] = entry;
            }
            else
            {
                entries[count++] = entry;
            }
        }

        return count == entries.Length ? entries : entries.AsSpan(0, count).ToArray();
    }

    internal static int IndexOfKey(ReadOnlySpan<KeyValuePair<string, SegmentValue>> entries, ReadOnlySpan<char> key)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (key.SequenceEqual(entries[i].Key))
            {
                return i;
            }
        }

        return -1;
    }
}
