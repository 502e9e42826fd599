using System.Buffers;

namespace CqBot.Messaging;

/// <summary>
/// Accumulates CQ-code text in a stack buffer, renting from <see cref="ArrayPool{T}"/> only when it
/// outgrows it, so formatting a message allocates just the resulting string.
/// </summary>
internal ref struct CqCodeWriter
{
    private Span<char> _chars;
    private char[]? _rented;
    private int _length;

    public CqCodeWriter(Span<char> initialBuffer)
    {
        _chars = initialBuffer;
        _rented = null;
        _length = 0;
    }

    public void Append(char value)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = value;
    }

    public void Append(scoped ReadOnlySpan<char> value)
    {
        if (value.Length > _chars.Length - _length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_chars[_length..]);
        _length += value.Length;
    }

    /// <summary>Appends <paramref name="value"/> with each character of <paramref name="specials"/> written as its entity.</summary>
    public void AppendEscaped(scoped ReadOnlySpan<char> value, SearchValues<char> specials)
    {
        while (true)
        {
            var special = value.IndexOfAny(specials);
            if (special < 0)
            {
                Append(value);
                return;
            }

            Append(value[..special]);
            Append(value[special] switch
            {
                '&' => "&amp;",
                '[' => "&#91;",
                ']' => "&#93;",
                _ => "&#44;",
            });
            value = value[(special + 1)..];
        }
    }

    public override readonly string ToString() => new(_chars[.._length]);

    public void Dispose()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private void Grow(int additional)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_length + additional, _chars.Length * 2));
        _chars[.._length].CopyTo(larger);
        Dispose();
        _rented = larger;
        _chars = larger;
    }
}
