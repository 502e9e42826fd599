using CqBot.Hosting.Protocol;

namespace CqBot.Tests.Hosting;

public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Dispose_AfterGrowingPastTheLargestPooled_DoesNotKeepTheHugeBufferInTheSharedPool()
    {
        var writer = new PooledBufferWriter(16);
        writer.Advance(writer.GetSpan(4 * PooledBufferWriter.LargestPooled).Length);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(writer.WrittenMemory, out var segment));
        var huge = segment.Array!;

        writer.Dispose();
        var next = System.Buffers.ArrayPool<byte>.Shared.Rent(huge.Length);

        Assert.NotSame(huge, next);
        System.Buffers.ArrayPool<byte>.Shared.Return(next);
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
