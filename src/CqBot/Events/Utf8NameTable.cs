using System.Text;

namespace CqBot.Events;

/// <summary>
/// A fixed, read-only map from short ASCII names to values, looked up by UTF-8 bytes without allocating.
/// Built once at start-up; a lookup hashes the length and three bytes, then confirms with one
/// <see cref="MemoryExtensions.SequenceEqual{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>.
/// </summary>
/// <remarks>
/// Property names and well-known values are matched for every field of every event, so this replaces
/// a chain of string comparisons with (usually) a single one.
/// </remarks>
internal sealed class Utf8NameTable<T>
{
    private readonly byte[]?[] _keys;
    private readonly T[] _values;
    private readonly int _mask;

    public Utf8NameTable(ReadOnlySpan<(string Name, T Value)> entries)
    {
        var size = 16;
        while (size < entries.Length * 4)
        {
            size <<= 1;
        }
        _keys = new byte[]?[size];
        _values = new T[size];
        _mask = size - 1;
        foreach (var (name, value) in entries)
        {
            var key = Encoding.UTF8.GetBytes(name);
            var slot = Hash(key) & _mask;
            while (_keys[slot] is not null)
            {
                if (_keys[slot].AsSpan().SequenceEqual(key))
                {
                    throw new ArgumentException($"'{name}' is listed twice.", nameof(entries));
                }
                slot = (slot + 1) & _mask;
            }
            _keys[slot] = key;
            _values[slot] = value;
        }
    }

    public bool TryGetValue(ReadOnlySpan<byte> utf8, out T value)
    {
        if (utf8.Length > 0)
        {
            var slot = Hash(utf8) & _mask;
            while (_keys[slot] is { } key)
            {
                if (utf8.SequenceEqual(key))
                {
                    value = _values[slot];
                    return true;
                }
                slot = (slot + 1) & _mask;
            }
        }
        value = default!;
        return false;
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var length = utf8.Length;
        return (int)((uint)length * 2654435761u
            ^ (uint)utf8[0] * 31u
            ^ (uint)utf8[length >> 1] * 131u
            ^ (uint)utf8[length - 1] * 1031u);
    }
}
