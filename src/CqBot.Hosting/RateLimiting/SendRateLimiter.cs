using System.Collections.Concurrent;

namespace CqBot.Hosting.RateLimiting;

/// <summary>
/// The outbound limit of one account: a message waits for a token of its group's bucket (if it goes
/// to a group), then for one of the account's bucket. Waiters of one bucket are served one at a time,
/// in order; at most <see cref="SendRateLimitOptions.QueueLimit"/> messages wait at once.
/// </summary>
internal sealed class SendRateLimiter
{
    private readonly SendRateLimitOptions _options;
    private readonly TimeProvider _time;
    private readonly long _selfId;
    private readonly GatedBucket _account;
    private readonly ConcurrentDictionary<long, GatedBucket> _groups = new();
    private int _queued;

    public SendRateLimiter(long selfId, SendRateLimitOptions options, TimeProvider time)
    {
        _selfId = selfId;
        _options = options;
        _time = time;
        _account = new GatedBucket(new TokenBucket(options.AccountBurst, options.AccountPerSecond, time));
    }

    /// <summary>Messages waiting now.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Waits until a message to <paramref name="groupId"/> (or to a user, when null) may go.</summary>
    public async ValueTask AcquireAsync(long? groupId, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _queued) > _options.QueueLimit)
        {
            Interlocked.Decrement(ref _queued);
            throw new SendQueueFullException(
                $"Bot {_selfId} already has {_options.QueueLimit} messages waiting for its send rate limit; this one was dropped. Send less often, or raise CqBot:RateLimit limits.");
        }
        try
        {
            if (groupId is { } id)
            {
                var group = _groups.GetOrAdd(id, static (_, state) =>
                    new GatedBucket(new TokenBucket(state._options.GroupBurst, state._options.GroupPerSecond, state._time)), this);
                await AcquireAsync(group, cancellationToken).ConfigureAwait(false);
            }
            await AcquireAsync(_account, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    private async ValueTask AcquireAsync(GatedBucket bucket, CancellationToken cancellationToken)
    {
        await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var wait = bucket.Bucket.TryTake();
                if (wait == TimeSpan.Zero)
                {
                    return;
                }
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private sealed class GatedBucket(TokenBucket bucket)
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public TokenBucket Bucket { get; } = bucket;
    }
}
