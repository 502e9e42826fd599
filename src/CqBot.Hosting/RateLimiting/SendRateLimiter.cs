using System.Collections.Concurrent;
using CqBot.Hosting.Diagnostics;

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
    private readonly object _accountTag;
    private int _queued;

    public SendRateLimiter(long selfId, SendRateLimitOptions options, TimeProvider time)
    {
        _selfId = selfId;
        _accountTag = selfId;
        _options = options;
        _time = time;
        _account = new GatedBucket(new TokenBucket(options.AccountBurst, options.AccountPerSecond, time));
    }

    /// <summary>Messages waiting now.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>
    /// Takes leave for a message to <paramref name="groupId"/> (or to a user, when null) to go at once;
    /// false, taking nothing, when it would have to wait: a token is missing, or another message waits
    /// before it. For an answer that goes in an HTTP POST response, which cannot wait.
    /// </summary>
    public bool TryAcquireNow(long? groupId)
    {
        var group = groupId is { } id ? Group(id) : null;
        if (group is not null && !group.Gate.Wait(0))
        {
            return false;
        }
        try
        {
            if (!_account.Gate.Wait(0))
            {
                return false;
            }
            try
            {
                if ((group is not null && !group.Bucket.HasToken()) || !_account.Bucket.HasToken())
                {
                    return false;
                }
                group?.Bucket.TryTake();
                _account.Bucket.TryTake();
                return true;
            }
            finally
            {
                _account.Gate.Release();
            }
        }
        finally
        {
            group?.Gate.Release();
        }
    }

    /// <summary>Counts a message dropped because it could not go within the send limit in time.</summary>
    public void CountRefused()
    {
        if (HostingMetrics.SendRefused.Enabled)
        {
            HostingMetrics.SendRefused.Add(1, new KeyValuePair<string, object?>(HostingTags.Account, _accountTag));
        }
    }

    /// <summary>Waits until a message to <paramref name="groupId"/> (or to a user, when null) may go.</summary>
    public async ValueTask AcquireAsync(long? groupId, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _queued) > _options.QueueLimit)
        {
            Interlocked.Decrement(ref _queued);
            CountRefused();
            throw new SendQueueFullException(
                $"Bot {_selfId} already has {_options.QueueLimit} messages waiting for its send rate limit; this one was dropped. Send less often, or raise CqBot:RateLimit limits.");
        }
        try
        {
            var delayed = false;
            if (groupId is { } id)
            {
                delayed = await AcquireAsync(Group(id), cancellationToken).ConfigureAwait(false);
            }
            delayed |= await AcquireAsync(_account, cancellationToken).ConfigureAwait(false);
            if (delayed && HostingMetrics.SendDelayed.Enabled)
            {
                HostingMetrics.SendDelayed.Add(1, new KeyValuePair<string, object?>(HostingTags.Account, _accountTag));
            }
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    private GatedBucket Group(long id) => _groups.GetOrAdd(id, static (_, state) =>
        new GatedBucket(new TokenBucket(state._options.GroupBurst, state._options.GroupPerSecond, state._time)), this);

    // True when the message had to wait: behind another message of the bucket, or for a token.
    private async ValueTask<bool> AcquireAsync(GatedBucket bucket, CancellationToken cancellationToken)
    {
        var entered = bucket.Gate.WaitAsync(cancellationToken);
        var delayed = !entered.IsCompleted;
        await entered.ConfigureAwait(false);
        try
        {
            while (true)
            {
                var wait = bucket.Bucket.TryTake();
                if (wait == TimeSpan.Zero)
                {
                    return delayed;
                }
                delayed = true;
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
