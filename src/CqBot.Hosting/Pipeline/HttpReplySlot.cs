namespace CqBot.Hosting.Pipeline;

/// <summary>
/// Hands a handler's quick operation to the HTTP POST response that is waiting for it. Whichever
/// comes first wins: the handler finishing (its operation goes in the response) or the wait running
/// out (the response is 204 and the operation is sent through the API instead).
/// </summary>
internal sealed class HttpReplySlot
{
    private const int Waiting = 0, Completed = 1, Abandoned = 2;
    private readonly TaskCompletionSource<QuickOperation?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    /// <summary>Gives the response the operation; false when the response has stopped waiting.</summary>
    public bool TryComplete(QuickOperation? operation)
    {
        if (Interlocked.CompareExchange(ref _state, Completed, Waiting) != Waiting)
        {
            return false;
        }
        _result.SetResult(operation);
        return true;
    }

    /// <summary>Waits up to <paramref name="window"/>; returns whether the handler finished, and its operation.</summary>
    public async ValueTask<(bool Finished, QuickOperation? Operation)> WaitAsync(TimeSpan window, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_result.Task.IsCompleted)
        {
            // The handler finished before the response started waiting: no timer needed.
            return (true, await _result.Task.ConfigureAwait(false));
        }
        try
        {
            return (true, await _result.Task.WaitAsync(window, time, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            if (Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting)
            {
                return (false, null);
            }
            // The handler finished in the same instant; its result is there.
            return (true, await _result.Task.ConfigureAwait(false));
        }
    }
}
