using System.Collections;

namespace CqBot;

/// <summary>
/// The data of a <see cref="Segment"/>: its key/value pairs in the order they were given or received.
/// Keys are unique and case-sensitive.
/// </summary>
/// <remarks>
/// A lightweight view over the segment; <c>foreach</c> over it does not allocate.
/// </remarks>
public readonly struct SegmentData : IReadOnlyList<KeyValuePair<string, SegmentValue>>
{
    // Either the pairs, or (for the common plain-text segment) just the text with the implied key "text".
    private readonly KeyValuePair<string, SegmentValue>[]? _entries;
    private readonly string? _text;

    internal SegmentData(KeyValuePair<string, SegmentValue>[]? entries, string? text)
    {
        _entries = entries;
        _text = text;
    }

    /// <summary>The number of key/value pairs.</summary>
    public int Count => _entries?.Length ?? (_text is null ? 0 : 1);

    /// <summary>The pair at <paramref name="index"/>, in data order.</summary>
    /// <param name="index">A position from 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public KeyValuePair<string, SegmentValue> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "The index is outside the segment data.");
            }

            return _entries is not null
                ? _entries[index]
                : new KeyValuePair<string, SegmentValue>(SegmentTypes.Text, SegmentValue.FromString(_text!));
        }
    }

    /// <summary>Whether the data has a value for <paramref name="key"/>.</summary>
    /// <param name="key">The key, case-sensitive.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <summary>Looks up the value for <paramref name="key"/>.</summary>
    /// <param name="key">The key, case-sensitive.</param>
    /// <param name="value">The value when found; otherwise the default value.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    public bool TryGetValue(string key, out SegmentValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_entries is not null)
        {
            foreach (var entry in _entries)
            {
                if (string.Equals(entry.Key, key, StringComparison.Ordinal))
                {
                    value = entry.Value;
                    return true;
                }
            }
        }
        else if (_text is not null && string.Equals(key, SegmentTypes.Text, StringComparison.Ordinal))
        {
            value = SegmentValue.FromString(_text);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Returns an enumerator over the pairs in data order.</summary>
    /// <returns>A struct enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, SegmentValue>> IEnumerable<KeyValuePair<string, SegmentValue>>.GetEnumerator() => GetBoxedEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetBoxedEnumerator();

    private IEnumerator<KeyValuePair<string, SegmentValue>> GetBoxedEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    /// <summary>Enumerates the pairs of a <see cref="SegmentData"/> without allocating.</summary>
    public struct Enumerator
    {
        private readonly SegmentData _data;
        private int _index;

        internal Enumerator(SegmentData data)
        {
            _data = data;
            _index = -1;
        }

        /// <summary>The current pair.</summary>
        public readonly KeyValuePair<string, SegmentValue> Current => _data[_index];

        /// <summary>Advances to the next pair.</summary>
        /// <returns><see langword="false"/> after the last pair.</returns>
        public bool MoveNext() => ++_index < _data.Count;
    }
}
