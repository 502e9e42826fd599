using System.Buffers;

namespace CqBot.Hosting.Protocol;

/// <summary>
/// A growable buffer on <see cref="ArrayPool{T}"/> memory; return it with <see cref="Dispose"/>. It doubles
/// as it grows, but never past <c>maxCapacity</c> (at most <see cref="Array.MaxLength"/>): asking for more
/// throws <see cref="InvalidOperationException"/> instead of overflowing. Buffers over
/// <see cref="LargestPooled"/> are not pooled: the shared pool would keep the one huge message's memory
/// for good, where the collector gives it back.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    /// <summary>The largest buffer taken from and given back to the shared pool.</summary>
    internal const int LargestPooled = 1024 * 1024;

    private readonly int _maxCapacity;
    private byte[] _buffer;
    private int _written;

    public PooledBufferWriter(int initialCapacity = 1024, int maxCapacity = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCapacity);
        _maxCapacity = Math.Min(maxCapacity, Array.MaxLength);
        _buffer = Take(Math.Clamp(initialCapacity, 1, _maxCapacity));
    }

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public int WrittenCount => _written;

    public void Clear() => _written = 0;

    public void Advance(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _written))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Only {_buffer.Length - _written} bytes were handed out.");
        }
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        Give(buffer);
    }

    private static byte[] Take(int size) =>
        size <= LargestPooled ? ArrayPool<byte>.Shared.Rent(size) : GC.AllocateUninitializedArray<byte>(size);

    private static void Give(byte[] buffer)
    {
        if (buffer.Length is > 0 and <= LargestPooled)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The size to grow a buffer of <paramref name="current"/> bytes to so that it holds <paramref name="needed"/>:
    /// twice as large, or exactly what is needed when that is more, and never more than <paramref name="max"/>.
    /// </summary>
    internal static int NextCapacity(int current, long needed, int max)
    {
        if (needed > max)
        {
            throw new InvalidOperationException($"A buffer cannot grow to {needed} bytes: its limit is {max} bytes.");
        }
        return (int)Math.Min(Math.Max((long)current * 2, needed), max);
    }

    private void Ensure(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        // In long: near the limit, an int sum would wrap and look small enough.
        var needed = (long)_written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }
        var larger = Take(NextCapacity(_buffer.Length, needed, _maxCapacity));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        Give(_buffer);
        _buffer = larger;
    }
}
