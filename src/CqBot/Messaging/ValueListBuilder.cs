using System.Buffers;
using System.Runtime.CompilerServices;

namespace CqBot.Messaging;

/// <summary>
/// A list that fills a caller-provided buffer (usually an <see cref="InlineBuffer16{T}"/> on the stack) and
/// only rents from <see cref="ArrayPool{T}"/> when it outgrows it, so parsing allocates just the final array.
/// </summary>
internal ref struct ValueListBuilder<T>
{
    private Span<T> _span;
    private T[]? _rented;
    private int _count;

    public ValueListBuilder(Span<T> initialBuffer)
    {
        _span = initialBuffer;
        _rented = null;
        _count = 0;
    }

    public readonly int Count => _count;

    public readonly ref T this[int index] => ref _span[.._count][index];

    public readonly ReadOnlySpan<T> AsSpan() => _span[.._count];

    public void Add(T item)
    {
        if (_count == _span.Length)
        {
            Grow();
        }

        _span[_count++] = item;
    }

    public readonly T[] ToArray() => _count == 0 ? [] : _span[.._count].ToArray();

    public void Dispose()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            ArrayPool<T>.Shared.Return(rented, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(_span.Length * 2, 16));
        _span[.._count].CopyTo(larger);
        Dispose();
        _rented = larger;
        _span = larger;
    }
}

/// <summary>Sixteen elements stored inline, for a <see cref="ValueListBuilder{T}"/> buffer on the stack.</summary>
[InlineArray(16)]
internal struct InlineBuffer16<T>
{
    private T _element0;
}

/// <summary>Four elements stored inline, for a <see cref="ValueListBuilder{T}"/> buffer on the stack.</summary>
[InlineArray(4)]
internal struct InlineBuffer4<T>
{
    private T _element0;
}
