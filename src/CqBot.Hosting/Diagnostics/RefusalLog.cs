using System.Collections.Concurrent;
using CqBot.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting.Diagnostics;

/// <summary>
/// Counts refused input and decides which refusals get a log line, so that a flood of bad requests or
/// frames cannot flood the log: per transport and reason, the first refusal of an interval is logged by
/// its site, the rest of the interval is only counted, and one line then says how many more there were.
/// </summary>
/// <remarks>
/// <para>
/// Every refusal site makes one call, <see cref="Refuse"/>, and writes its own line (one line, never an
/// exception: a refusal is expected) only when that returns <see langword="true"/>:
/// <code>
/// if (refusals.Refuse(Transports.HttpPost, RefusalReasons.ParseError))
/// {
///     LogMalformed(remote, length, exception.Message);
/// }
/// </code>
/// </para>
/// <para>
/// The count of an interval is reported by the first refusal after it, or by a timer at its end when
/// none follows. Nothing runs while nothing is refused: no timer is armed until a refusal is held back.
/// </para>
/// </remarks>
internal sealed partial class RefusalLog : IUndeliveredCallLog, IDisposable
{
    /// <summary>How long the first line of a transport and reason stands for the refusals after it.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _interval;
    private readonly ConcurrentDictionary<(string Transport, string Reason), Window> _windows = new();
    private readonly ITimer _timer;
    private int _timerArmed;
    private bool _disposed;

    public RefusalLog(TimeProvider time, ILogger<RefusalLog> logger)
        : this(time, logger, DefaultInterval)
    {
    }

    public RefusalLog(TimeProvider time, ILogger logger, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _time = time;
        _logger = logger;
        _interval = interval;
        _timer = time.CreateTimer(static state => ((RefusalLog)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Counts one refusal in <c>cqbot.events.refused</c> and says whether the caller logs its line now:
    /// <see langword="true"/> for the first refusal of <paramref name="transport"/> and
    /// <paramref name="reason"/> in an interval, <see langword="false"/> for the rest of it.
    /// </summary>
    /// <param name="transport">One of <see cref="Transports"/>.</param>
    /// <param name="reason">One of <see cref="RefusalReasons"/>.</param>
    public bool Refuse(string transport, string reason)
    {
        HostingMetrics.Refused(transport, reason);
        return ShouldLog(transport, reason);
    }

    /// <summary>
    /// Says whether an answer that could not be sent (<paramref name="reason"/>: the send queue was full,
    /// the connection was lost…) gets its line now; repeated ones are summarised as refusals are, since a
    /// stalled connection fails every answer queued for it. Not counted as refused input.
    /// </summary>
    public bool SendFailed(string reason) => ShouldLog(SendFailures, reason, Kind.SendFailure);

    /// <summary>
    /// Says whether a handler's API call that never reached the implementation gets its line now;
    /// repeated ones (a stalled connection, a full send queue) are summarised by the kind of failure.
    /// </summary>
    public bool ShouldLog(ApiException exception) => ShouldLog(HandlerCalls, exception.GetType().Name, Kind.HandlerCall);

    /// <summary>
    /// Says whether a WebSocket lost without a close handshake gets its line now: the first few of an
    /// interval do, so that an account's disconnection is seen; past them (a reconnect storm) they are
    /// counted and summarised.
    /// </summary>
    public bool ConnectionLost(string transport) => ShouldLog(transport, "lost", Kind.ConnectionLost);

    private const string SendFailures = "send";
    private const string HandlerCalls = "call";

    /// <summary>How many lost connections an interval logs one by one.</summary>
    private const int LostConnectionLines = 5;

    private bool ShouldLog(string transport, string reason, Kind kind = Kind.Input)
    {
        var window = _windows.GetOrAdd((transport, reason), static (_, kind) => new Window { Kind = kind }, kind);
        var now = _time.GetTimestamp();
        long heldBack;
        TimeSpan span;
        lock (window)
        {
            if (window.Open && _time.GetElapsedTime(window.Start, now) < _interval)
            {
                if (window.Kind == Kind.ConnectionLost && window.Logged < LostConnectionLines)
                {
                    window.Logged++;
                    return true;
                }
                if (window.HeldBack++ == 0)
                {
                    ArmTimer();
                }
                return false;
            }
            heldBack = window.HeldBack;
            span = _time.GetElapsedTime(window.Start, now);
            window.Open = true;
            window.Start = now;
            window.HeldBack = 0;
            window.Logged = 1;
        }
        if (heldBack > 0)
        {
            LogHeldBack(window, heldBack, transport, reason, Seconds(span));
        }
        return true;
    }

    /// <summary>Reports the refusals held back so far, as the timer does at the end of an interval.</summary>
    public void Dispose()
    {
        lock (_windows)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        _timer.Dispose();
        Flush(all: true);
    }

    private void ArmTimer()
    {
        if (Interlocked.Exchange(ref _timerArmed, 1) == 0)
        {
            // An interval that held something back started at most one interval ago, so it has ended by then.
            lock (_windows)
            {
                if (!_disposed)
                {
                    _timer.Change(_interval, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }

    private void OnTimer()
    {
        Volatile.Write(ref _timerArmed, 0);
        if (Flush(all: false))
        {
            ArmTimer();
        }
    }

    /// <summary>Logs the count of every interval that has ended (or of every one); true when some are still running with a count.</summary>
    private bool Flush(bool all)
    {
        var now = _time.GetTimestamp();
        var pending = false;
        foreach (var (key, window) in _windows)
        {
            long heldBack;
            TimeSpan span;
            lock (window)
            {
                if (window.HeldBack == 0)
                {
                    continue;
                }
                span = _time.GetElapsedTime(window.Start, now);
                if (!all && span < _interval)
                {
                    pending = true;
                    continue;
                }
                heldBack = window.HeldBack;
                window.HeldBack = 0;

                // The next refusal opens a new interval and is logged.
                window.Open = false;
            }
            try
            {
                LogHeldBack(window, heldBack, key.Transport, key.Reason, Seconds(span));
            }
            catch (ObjectDisposedException)
            {
                // The logging providers went first at shutdown; the count is still in the metrics.
            }
        }
        return pending;
    }

    private static long Seconds(TimeSpan span) => (long)Math.Ceiling(span.TotalSeconds);

    private void LogHeldBack(Window window, long count, string transport, string reason, long seconds)
    {
        switch (window.Kind)
        {
            case Kind.Input:
                LogInputsHeldBack(count, transport, reason, seconds);
                break;
            case Kind.SendFailure:
                LogSendFailuresHeldBack(count, reason, seconds);
                break;
            case Kind.HandlerCall:
                LogHandlerCallsHeldBack(count, reason, seconds);
                break;
            default:
                LogConnectionsLostHeldBack(count, transport, seconds);
                break;
        }
    }

    private enum Kind
    {
        Input,
        SendFailure,
        HandlerCall,
        ConnectionLost,
    }

    /// <summary>The state of one transport and reason; guarded by locking it.</summary>
    private sealed class Window
    {
        public Kind Kind;
        public int Logged;
        public bool Open;
        public long Start;
        public long HeldBack;
    }

    [LoggerMessage(EventId = 2901, Level = LogLevel.Warning, Message = "{Count} more {Transport} input(s) refused ({Reason}) in the last {Seconds} s; only the first was logged.")]
    private partial void LogInputsHeldBack(long count, string transport, string reason, long seconds);

    [LoggerMessage(EventId = 2902, Level = LogLevel.Warning, Message = "{Count} more answer(s) could not be sent ({Reason}) in the last {Seconds} s; only the first was logged.")]
    private partial void LogSendFailuresHeldBack(long count, string reason, long seconds);

    [LoggerMessage(EventId = 2904, Level = LogLevel.Warning, Message = "{Count} more API call(s) of handlers could not be delivered ({Reason}) in the last {Seconds} s; only the first was logged.")]
    private partial void LogHandlerCallsHeldBack(long count, string reason, long seconds);

    [LoggerMessage(EventId = 2903, Level = LogLevel.Warning, Message = "{Count} more {Transport} connection(s) were lost in the last {Seconds} s; only the first few were logged.")]
    private partial void LogConnectionsLostHeldBack(long count, string transport, long seconds);
}
