using CqBot.Hosting.Protocol;

namespace CqBot.Tests.Hosting;

public sealed class PooledBufferWriterTests
{
    [Fact]
    public void GetSpan_PastTheLargestPooled_MovesToNativeMemoryKeepingWhatWasWritten()
    {
        using var writer = new PooledBufferWriter(16);
        var first = writer.GetSpan(PooledBufferWriter.LargestPooled);
        first[..PooledBufferWriter.LargestPooled].Fill(7);
        writer.Advance(PooledBufferWriter.LargestPooled);
        Assert.False(writer.IsNative);

        var next = writer.GetSpan(3 * PooledBufferWriter.LargestPooled);
        next[..(3 * PooledBufferWriter.LargestPooled)].Fill(9);
        writer.Advance(3 * PooledBufferWriter.LargestPooled);

        Assert.True(writer.IsNative);
        Assert.False(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(writer.WrittenMemory, out _));
        Assert.Equal(4 * PooledBufferWriter.LargestPooled, writer.WrittenCount);
        Assert.Equal(7, writer.WrittenSpan[PooledBufferWriter.LargestPooled - 1]);
        Assert.Equal(9, writer.WrittenSpan[PooledBufferWriter.LargestPooled]);
        Assert.Equal(9, writer.WrittenMemory.Span[^1]);
    }

    [Fact]
    public void GetSpan_GrowingInNativeMemory_KeepsWhatWasWritten()
    {
        using var writer = new PooledBufferWriter(16);
        for (var i = 0; i < 5; i++)
        {
            var span = writer.GetSpan(PooledBufferWriter.LargestPooled);
            span[..PooledBufferWriter.LargestPooled].Fill((byte)(i + 1));
            writer.Advance(PooledBufferWriter.LargestPooled);
        }

        Assert.True(writer.IsNative);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(i + 1, writer.WrittenSpan[(i * PooledBufferWriter.LargestPooled) + 12345]);
        }
    }

    [Fact]
    public void Clear_AfterGrowingIntoNativeMemory_GivesItBackAndStartsSmall()
    {
        using var writer = new PooledBufferWriter(4096);
        writer.Advance(writer.GetSpan(2 * PooledBufferWriter.LargestPooled).Length);
        Assert.True(writer.IsNative);

        writer.Clear();

        Assert.False(writer.IsNative);
        Assert.Equal(0, writer.WrittenCount);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray((ReadOnlyMemory<byte>)writer.GetMemory(), out var segment));
        Assert.True(segment.Array!.Length <= PooledBufferWriter.LargestPooled);
    }

    [Fact]
    public void Dispose_AfterGrowingIntoNativeMemory_ReturnsItsSmallArrayToThePoolOnce()
    {
        var writer = new PooledBufferWriter(16);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray((ReadOnlyMemory<byte>)writer.GetMemory(), out var segment));
        var small = segment.Array!;
        writer.Advance(writer.GetSpan(2 * PooledBufferWriter.LargestPooled).Length);

        writer.Dispose();
        writer.Dispose();
        var first = System.Buffers.ArrayPool<byte>.Shared.Rent(small.Length);
        var second = System.Buffers.ArrayPool<byte>.Shared.Rent(small.Length);

        Assert.Same(small, first);
        Assert.NotSame(small, second);
        System.Buffers.ArrayPool<byte>.Shared.Return(first);
        System.Buffers.ArrayPool<byte>.Shared.Return(second);
    }

    [Fact]
    public unsafe void GetMemory_InNativeMemory_PinsToWhereItsBytesAre()
    {
        using var writer = new PooledBufferWriter(16);
        writer.Advance(writer.GetSpan(2 * PooledBufferWriter.LargestPooled).Length);
        var memory = writer.GetMemory(100);

        // A socket writes what it receives through the pinned pointer.
        using (var pin = memory.Pin())
        {
            ((byte*)pin.Pointer)[0] = 42;
            ((byte*)pin.Pointer)[99] = 43;
        }

        Assert.Equal(42, writer.GetSpan(100)[0]);
        Assert.Equal(43, writer.GetSpan(100)[99]);
        using (var pin = memory[10..].Pin())
        {
            ((byte*)pin.Pointer)[0] = 44;
        }
        Assert.Equal(44, memory.Span[10]);
    }

    [Fact]
    public void Dispose_OfASmallBuffer_ReturnsItToTheSharedPool()
    {
        var writer = new PooledBufferWriter(4096);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray((ReadOnlyMemory<byte>)writer.GetMemory(), out var segment));
        var small = segment.Array!;

        writer.Dispose();
        var next = System.Buffers.ArrayPool<byte>.Shared.Rent(small.Length);

        Assert.Same(small, next);
        System.Buffers.ArrayPool<byte>.Shared.Return(next);
    }

    [Fact]
    public void NextCapacity_DoublingWouldPassOneGiB_IsClampedNotWrapped()
    {
        const int current = 1536 * 1024 * 1024;

        var next = PooledBufferWriter.NextCapacity(current, current + 1L, Array.MaxLength);

        Assert.Equal(Array.MaxLength, next);
    }

    [Fact]
    public void NextCapacity_DoublingPassesTheLimit_StopsAtTheLimit()
    {
        Assert.Equal(100, PooledBufferWriter.NextCapacity(64, 65, 100));
    }

    [Fact]
    public void NextCapacity_NeedMoreThanDoubling_GrowsToTheNeed()
    {
        Assert.Equal(1000, PooledBufferWriter.NextCapacity(64, 1000, 4096));
    }

    [Fact]
    public void NextCapacity_NeedPastTheLimit_ThrowsNamingTheLimit()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => PooledBufferWriter.NextCapacity(64, 4097, 4096));

        Assert.Contains("4096", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetSpan_GrowingUpToTheLimit_KeepsWhatWasWritten()
    {
        using var writer = new PooledBufferWriter(16, maxCapacity: 4096);
        for (var i = 0; i < 4096; i++)
        {
            writer.GetSpan(1)[0] = (byte)i;
            writer.Advance(1);
        }

        Assert.Equal(4096, writer.WrittenCount);
        Assert.Equal(unchecked((byte)4095), writer.WrittenSpan[4095]);
    }

    [Fact]
    public void GetSpan_PastTheLimit_Throws()
    {
        using var writer = new PooledBufferWriter(16, maxCapacity: 4096);
        writer.GetSpan(4000);
        writer.Advance(4000);

        Assert.Throws<InvalidOperationException>(() => writer.GetSpan(97));
    }

    [Fact]
    public void Advance_PastWhatWasHandedOut_Throws()
    {
        using var writer = new PooledBufferWriter(16, maxCapacity: 4096);
        var span = writer.GetSpan(16).Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(span + 1));
    }
}
