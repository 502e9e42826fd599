using System.Diagnostics;

namespace CqBot.LoadTest;

/// <summary>
/// Send times by event number and the latencies of events sent inside the measured window. Events
/// are numbered from 0; the send time of an open-loop event is when it was due, not when it went
/// out, so that a stalled bot cannot hide its delay.
/// </summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _sentAt = new long[capacity];
    private readonly long[] _latencies = new long[capacity];
    private int _latencyCount;
    private long _completed;
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;

    public int Capacity => capacity;

    public long Completed => Interlocked.Read(ref _completed);

    public void Sent(int id, long timestamp) => _sentAt[id] = timestamp;

    public void Complete(int id)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _completed);
        var sent = Volatile.Read(ref _sentAt[id]);
        if (sent >= Volatile.Read(ref _windowStart) && sent < Volatile.Read(ref _windowEnd))
        {
            var slot = Interlocked.Increment(ref _latencyCount) - 1;
            _latencies[slot] = now - sent;
        }
    }

    public void OpenWindow(long timestamp) => Volatile.Write(ref _windowStart, timestamp);

    public void CloseWindow(long timestamp) => Volatile.Write(ref _windowEnd, timestamp);

    public (double P50, double P99, double Max, int Count) Percentiles()
    {
        var count = Volatile.Read(ref _latencyCount);
        if (count == 0)
        {
            return (double.NaN, double.NaN, double.NaN, 0);
        }
        var sorted = _latencies[..count];
        Array.Sort(sorted);
        double Us(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
        return (Us(sorted[count / 2]), Us(sorted[Math.Min(count - 1, (int)(count * 0.99))]), Us(sorted[^1]), count);
    }
}
