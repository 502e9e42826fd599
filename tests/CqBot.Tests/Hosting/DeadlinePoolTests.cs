using CqBot.Hosting.WebSockets;
using Microsoft.Extensions.Time.Testing;

namespace CqBot.Tests.Hosting;

public sealed class DeadlinePoolTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Return_WellBeforeTheDeadline_TheNextCallGetsTheSameSource()
    {
        var pool = new DeadlinePool(TimeProvider.System);
        var first = pool.Rent(Minute);

        pool.Return(first, TimeSpan.FromMilliseconds(1), Minute);
        var second = pool.Rent(Minute);

        Assert.Same(first, second);
        Assert.False(second.IsCancellationRequested);
    }

    [Fact]
    public async Task Rent_OfAKeptSource_CancelsAtItsNewDeadline()
    {
        var pool = new DeadlinePool(TimeProvider.System);
        var kept = pool.Rent(Minute);
        pool.Return(kept, TimeSpan.Zero, Minute);

        var again = pool.Rent(TimeSpan.FromMilliseconds(50));
        var cancelled = new TaskCompletionSource();
        using var registration = again.Token.Register(cancelled.SetResult);

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Same(kept, again);
    }

    [Fact]
    public void Return_NearTheDeadline_IsNotKept()
    {
        var pool = new DeadlinePool(TimeProvider.System);
        var late = pool.Rent(Minute);

        pool.Return(late, TimeSpan.FromSeconds(50), Minute);

        Assert.NotSame(late, pool.Rent(Minute));
        Assert.Throws<ObjectDisposedException>(() => late.Token.WaitHandle);
    }

    [Fact]
    public void Return_OfACancelledSource_IsNotKept()
    {
        var pool = new DeadlinePool(TimeProvider.System);
        var fired = pool.Rent(Minute);
        fired.Cancel();

        pool.Return(fired, TimeSpan.Zero, Minute);

        var next = pool.Rent(Minute);
        Assert.NotSame(fired, next);
        Assert.False(next.IsCancellationRequested);
    }

    [Fact]
    public void Rent_SkipsAKeptSourceCancelledAfterItWasReturned()
    {
        var pool = new DeadlinePool(TimeProvider.System);
        var source = pool.Rent(Minute);
        pool.Return(source, TimeSpan.Zero, Minute);
        // Closing a socket cancels the source of the frame going out, which its call may have given back.
        source.Cancel();

        var next = pool.Rent(Minute);

        Assert.NotSame(source, next);
        Assert.False(next.IsCancellationRequested);
    }

    [Fact]
    public void Rent_OnAnotherClock_CancelsOnThatClockAndIsNeverKept()
    {
        var time = new FakeTimeProvider();
        var pool = new DeadlinePool(time);
        var first = pool.Rent(Minute);
        pool.Return(first, TimeSpan.Zero, Minute);
        var second = pool.Rent(Minute);

        time.Advance(Minute);

        Assert.NotSame(first, second);
        Assert.True(second.IsCancellationRequested);
    }
}
