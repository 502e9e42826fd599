using System.Buffers;
using System.Runtime.InteropServices;

namespace CqBot.Hosting.Protocol;

/// <summary>
/// A block from the native allocator. Freeing it gives the memory back at once, where a large managed
/// array would hold it until the next full collection; and growing it need not copy. Its owner must
/// dispose it: a finalizer could free it under a span still in use.
/// </summary>
internal sealed unsafe class NativeBuffer : MemoryManager<byte>
{
    private byte* _pointer;
    private int _length;

    public NativeBuffer(int length)
    {
        _pointer = (byte*)NativeMemory.Alloc((nuint)length);
        _length = length;
    }

    public int Length => _length;

    /// <summary>Grows or shrinks the block, keeping its first bytes.</summary>
    public void Resize(int length)
    {
        ObjectDisposedException.ThrowIf(_pointer is null, this);
        _pointer = (byte*)NativeMemory.Realloc(_pointer, (nuint)length);
        _length = length;
    }

    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(_pointer is null, this);
        return new(_pointer, _length);
    }

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(_pointer is null, this);
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, _length);
        return new(_pointer + elementIndex);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (_pointer is not null)
        {
            NativeMemory.Free(_pointer);
            _pointer = null;
            _length = 0;
        }
    }
}
