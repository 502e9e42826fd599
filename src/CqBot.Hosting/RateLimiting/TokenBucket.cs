namespace CqBot.Hosting.RateLimiting;

/// <summary>A token bucket on a <see cref="TimeProvider"/>; callers serialise access.</summary>
internal sealed class TokenBucket
{
    private readonly double _capacity;
    private readonly double _perSecond;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _stamp;

    public TokenBucket(double capacity, double perSecond, TimeProvider time)
    {
        _capacity = capacity;
        _perSecond = perSecond;
        _time = time;
        _tokens = capacity;
        _stamp = time.GetTimestamp();
    }

    /// <summary>True when a token is there now; takes none.</summary>
    public bool HasToken()
    {
        Refill();
        return _tokens >= 1;
    }

    /// <summary>Takes a token and returns zero, or returns how long until one is available.</summary>
    public TimeSpan TryTake()
    {
        Refill();
        if (_tokens >= 1)
        {
            _tokens -= 1;
            return TimeSpan.Zero;
        }
        // Round up so the wait never ends a hair before the token is there.
        return TimeSpan.FromTicks((long)Math.Ceiling((1 - _tokens) / _perSecond * TimeSpan.TicksPerSecond));
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_stamp, now).TotalSeconds * _perSecond));
        _stamp = now;
    }
}
