using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CqBot.Tests.Support;

/// <summary>One measurement of a CqBot instrument, with its tags.</summary>
internal sealed record RecordedMeasurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? Tag(string name) => Tags.TryGetValue(name, out var value) ? value : null;

    /// <summary>True when the tags are exactly <paramref name="expected"/>.</summary>
    public bool HasTags(params (string Name, object? Value)[] expected) =>
        Tags.Count == expected.Length && expected.All(t => Tags.TryGetValue(t.Name, out var value) && Equals(value, t.Value));
}

/// <summary>
/// Listens to everything CqBot publishes (the <c>CqBot</c> meter and activity source) and keeps it, as
/// an exporter would see it. Tests that use it run in <see cref="TelemetryCollection"/>, alone, so no
/// other test's bot adds measurements.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public TelemetryRecorder()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "CqBot")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "CqBot",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public IReadOnlyList<RecordedMeasurement> Measurements => [.. _measurements];

    public IReadOnlyList<Activity> Activities => [.. _stopped];

    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    /// <summary>Reads the observable instruments once; their measurements join the others.</summary>
    public void Observe() => _meters.RecordObservableInstruments();

    /// <summary>Waits until <paramref name="condition"/> holds: some measurements are taken after the reply went out.</summary>
    public async Task WaitForAsync(Func<TelemetryRecorder, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Waited in vain for " + what + ". Seen: " + string.Join("; ", _measurements.Select(m => m.Instrument + "=" + m.Value)));
            }
            await Task.Delay(10);
        }
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(tags.Length);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }
        _measurements.Enqueue(new RecordedMeasurement(instrument.Name, instrument.Unit, value, copy));
    }

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }
}

/// <summary>Tests that listen to the process-wide CqBot meter run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;
