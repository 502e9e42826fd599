namespace CqBot.Hosting.WebSockets;

/// <summary>
/// Cancellation sources that cancel themselves after a call's timeout, kept for the next calls of a
/// socket: a call that ends well before its deadline gives its source (and the timer in it) back,
/// so that a call allocates none. A source that fired, or whose timer could be firing, is not kept.
/// Only sources on the system clock can be reset; on another clock every call gets a new one.
/// </summary>
internal sealed class DeadlinePool(TimeProvider time)
{
    private readonly CancellationTokenSource?[] _kept = new CancellationTokenSource?[32];

    /// <summary>A source that cancels itself <paramref name="timeout"/> from now.</summary>
    public CancellationTokenSource Rent(TimeSpan timeout)
    {
        for (var i = 0; i < _kept.Length; i++)
        {
            if (Volatile.Read(ref _kept[i]) is not null && Interlocked.Exchange(ref _kept[i], null) is { } kept)
            {
                // Closing the socket may have cancelled a frame's source after its call gave it back.
                if (!kept.IsCancellationRequested)
                {
                    kept.CancelAfter(timeout);
                    return kept;
                }
                kept.Dispose();
            }
        }
        return new CancellationTokenSource(timeout, time);
    }

    /// <summary>
    /// Takes back a source once its call has ended, <paramref name="elapsed"/> after it was rented;
    /// one that fired, or that came within a quarter of <paramref name="timeout"/> of firing, is disposed.
    /// </summary>
    public void Return(CancellationTokenSource source, TimeSpan elapsed, TimeSpan timeout)
    {
        if (elapsed < timeout - (timeout / 4) && source.TryReset())
        {
            for (var i = 0; i < _kept.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _kept[i], source, null) is null)
                {
                    return;
                }
            }
        }
        source.Dispose();
    }
}
