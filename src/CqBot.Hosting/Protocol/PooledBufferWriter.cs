using System.Buffers;

namespace CqBot.Hosting.Protocol;

/// <summary>
/// A growable buffer on <see cref="ArrayPool{T}"/> memory; return it with <see cref="Dispose"/>. It doubles
/// as it grows, but never past <c>maxCapacity</c> (at most <see cref="Array.MaxLength"/>): asking for more
/// throws <see cref="InvalidOperationException"/> instead of overflowing. Past <see cref="LargestPooled"/>
/// it moves to a <see cref="NativeBuffer"/>, given back to the system by <see cref="Clear"/> and
/// <see cref="Dispose"/>: a pooled array would keep one huge message's memory for good, and a large
/// managed one until the next full collection.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    /// <summary>The largest buffer taken from and given back to the shared pool.</summary>
    internal const int LargestPooled = 1024 * 1024;

    private readonly int _maxCapacity;
    private readonly int _initialCapacity;
    private byte[] _buffer;
    private NativeBuffer? _native;
    private int _written;

    public PooledBufferWriter(int initialCapacity = 1024, int maxCapacity = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCapacity);
        _maxCapacity = Math.Min(maxCapacity, Array.MaxLength);
        _initialCapacity = Math.Clamp(initialCapacity, 1, Math.Min(_maxCapacity, LargestPooled));
        _buffer = Take(_initialCapacity);
    }

    public ReadOnlyMemory<byte> WrittenMemory => _native is { } native ? native.Memory[.._written] : _buffer.AsMemory(0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _native is { } native ? native.GetSpan()[.._written] : _buffer.AsSpan(0, _written);

    public int WrittenCount => _written;

    /// <summary>True while the buffer has grown past <see cref="LargestPooled"/> into native memory.</summary>
    internal bool IsNative => _native is not null;

    private int Capacity => _native?.Length ?? _buffer.Length;

    /// <summary>Forgets what was written; a buffer that grew into native memory gives it back.</summary>
    public void Clear()
    {
        _written = 0;
        if (_native is not null)
        {
            ReleaseNative();
            _buffer = Take(_initialCapacity);
        }
    }

    public void Advance(int count)
    {
        if ((uint)count > (uint)(Capacity - _written))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Only {Capacity - _written} bytes were handed out.");
        }
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _native is { } native ? native.Memory[_written..] : _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _native is { } native ? native.GetSpan()[_written..] : _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        Give(buffer);
        ReleaseNative();
    }

    private void ReleaseNative()
    {
        if (_native is { } native)
        {
            _native = null;
            ((IDisposable)native).Dispose();
        }
    }

    private static byte[] Take(int size) => ArrayPool<byte>.Shared.Rent(size);

    private static void Give(byte[] buffer)
    {
        if (buffer.Length > 0)
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
        if (needed <= Capacity)
        {
            return;
        }
        var next = NextCapacity(Capacity, needed, _maxCapacity);
        if (_native is not null)
        {
            _native.Resize(next);
        }
        else if (next > LargestPooled)
        {
            var native = new NativeBuffer(next);
            _buffer.AsSpan(0, _written).CopyTo(native.GetSpan());
            Give(_buffer);
            _buffer = [];
            _native = native;
        }
        else
        {
            var larger = Take(next);
            _buffer.AsSpan(0, _written).CopyTo(larger);
            Give(_buffer);
            _buffer = larger;
        }
    }
}
