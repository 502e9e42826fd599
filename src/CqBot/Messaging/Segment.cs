namespace CqBot;

/// <summary>One segment of a message: a type such as <c>text</c>, <c>at</c> or <c>image</c> and its data.</summary>
public sealed class Segment : IEquatable<Segment>
{
    private readonly KeyValuePair<string, string>[] _data;

    /// <summary>Creates a segment of the given type with its data in order.</summary>
    public Segment(string type, params KeyValuePair<string, string>[] data)
    {
        Type = type;
        _data = data;
    }

    /// <summary>The segment type, for example <c>text</c>, <c>at</c> or <c>face</c>.</summary>
    public string Type { get; }

    /// <summary>The data fields in the order they were given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Data => _data;

    /// <summary>The value of a data field, or null when the segment has no such field.</summary>
    public string? this[string key]
    {
        get
        {
            foreach (var pair in _data)
            {
                if (pair.Key == key)
                {
                    return pair.Value;
                }
            }
            return null;
        }
    }

    /// <summary>A plain-text segment.</summary>
    public static Segment Text(string text) => new("text", new KeyValuePair<string, string>("text", text));

    /// <summary>An @-mention of a user.</summary>
    public static Segment At(long userId) => new("at", new KeyValuePair<string, string>("qq", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <inheritdoc />
    public bool Equals(Segment? other)
    {
        if (other is null || other.Type != Type || other._data.Length != _data.Length)
        {
            return false;
        }
        for (var i = 0; i < _data.Length; i++)
        {
            if (_data[i].Key != other._data[i].Key || _data[i].Value != other._data[i].Value)
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Segment);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, _data.Length);
}
