using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CqBot.LoadTest;

/// <summary>
/// What an exporter does at the least: enables every instrument of the <c>CqBot</c> meter and samples
/// every activity of the <c>CqBot</c> source with all data, and sums what it gets. Attached in the bot
/// process with <c>--listen-metrics</c>, to measure what the instruments cost when something listens.
/// </summary>
internal sealed class TelemetryListener : IDisposable
{
    /// <summary>Meters and activities.</summary>
    public const string Option = "--listen-metrics";

    /// <summary>Meters alone: what metrics cost without tracing.</summary>
    public const string MetersOnlyOption = "--listen-meters-only";

    private readonly MeterListener _meters = new();
    private readonly ActivityListener? _activities;
    private long _measurements;
    private long _activitiesStopped;
    private double _sum;

    private readonly bool _quiet;

    public TelemetryListener(bool activities, bool quiet = false)
    {
        _quiet = quiet;
        _meters.InstrumentPublished = static (instrument, listener) =>
        {
            if (instrument.Meter.Name == "CqBot")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((_, value, tags, _) => Record(value, tags));
        _meters.SetMeasurementEventCallback<int>((_, value, tags, _) => Record(value, tags));
        _meters.SetMeasurementEventCallback<double>((_, value, tags, _) => Record(value, tags));
        _meters.Start();
        if (!activities)
        {
            return;
        }
        _activities = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == "CqBot",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                Interlocked.Increment(ref _activitiesStopped);
                foreach (var tag in activity.TagObjects)
                {
                    _ = tag.Value;
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
    }

    private void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Reads every tag, as an aggregating exporter would to find the series.
        foreach (var tag in tags)
        {
            _ = tag.Value;
        }
        Interlocked.Increment(ref _measurements);
        _sum += value;
    }

    public void Dispose()
    {
        _meters.Dispose();
        _activities?.Dispose();
        if (_quiet)
        {
            return;
        }
        Console.Error.WriteLine($"telemetry listener: {_measurements} measurements, {_activitiesStopped} activities");
    }
}
