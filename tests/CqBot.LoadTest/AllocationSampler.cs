using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace CqBot.LoadTest;

/// <summary>
/// With CQBOT_ALLOCATION_REPORT set to a file path (and the bot run under the JIT, where the runtime
/// raises its allocation events), the bot samples what it allocates by type (one sample per ~100 KB)
/// and writes the most frequent types to the file every 5 s.
/// </summary>
internal sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private readonly string? _path;
    private readonly Timer? _timer;

    public AllocationSampler()
    {
        _path = Environment.GetEnvironmentVariable("CQBOT_ALLOCATION_REPORT");
        if (_path is { Length: > 0 })
        {
            _timer = new Timer(_ => Write(), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime" && Environment.GetEnvironmentVariable("CQBOT_ALLOCATION_REPORT") is { Length: > 0 })
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }
        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    private void Write()
    {
        var total = _bytes.Values.Sum();
        var lines = _bytes.OrderByDescending(p => p.Value).Take(60)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value * 100.0 / Math.Max(1, total),6:0.0}%  {p.Key}"));
        File.WriteAllLines(_path!, [string.Create(CultureInfo.InvariantCulture, $"sampled {total / 1048576.0:0.0} MB"), .. lines]);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }
}
