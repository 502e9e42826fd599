using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CqBot.Diagnostics;

/// <summary>
/// The core's instruments, on the process-wide <c>CqBot</c> meter: command runs and API calls, and the
/// prompts waiting for an answer. A static meter, like <see cref="System.Net.Http"/>'s, because the
/// core is used without dependency injection too (a <see cref="Bot"/> built by hand); hosting publishes
/// its own instruments under the same meter name, so one <c>--counters CqBot</c> or <c>AddMeter("CqBot")</c>
/// takes everything. Names and units follow the OpenTelemetry semantic conventions as ASP.NET Core uses
/// them; every tag is bounded (a declared command, a known action, an outcome), never a user, a group or text.
/// </summary>
internal static class CqBotMetrics
{
    /// <summary>The meter and activity source name.</summary>
    public const string Name = "CqBot";

    /// <summary>Bucket bounds of the duration histograms, as ASP.NET Core's <c>http.server.request.duration</c>.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> CommandRuns = Meter.CreateCounter<long>(
        "cqbot.command.runs", "{run}", "Commands run, by command and outcome.");

    public static readonly Histogram<double> CommandDuration = Meter.CreateHistogram(
        "cqbot.command.duration", "s", "Time a command took, from finding it to its reply, by command and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public static readonly Counter<long> ApiCalls = Meter.CreateCounter<long>(
        "cqbot.api.calls", "{call}", "OneBot API calls, by action and outcome.");

    public static readonly Histogram<double> ApiDuration = Meter.CreateHistogram(
        "cqbot.api.duration", "s", "Time an OneBot API call took, rate-limit wait included, by action and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    private static int s_waiting;

    /// <summary>Prompts of every dispatcher in the process waiting for an answer.</summary>
    public static readonly ObservableGauge<int> ConversationsWaiting = Meter.CreateObservableGauge(
        "cqbot.conversations.waiting", static () => Volatile.Read(ref s_waiting), "{conversation}", "Prompts waiting for a user's answer.");

    public static void ConversationStarted() => Interlocked.Increment(ref s_waiting);

    public static void ConversationEnded() => Interlocked.Decrement(ref s_waiting);

    /// <summary>Creates the instruments, if no earlier use did: reading a field runs the class's initializer.</summary>
    public static void Publish() => GC.KeepAlive(ConversationsWaiting);

    /// <summary>Seconds since <paramref name="start"/>, a <see cref="Stopwatch.GetTimestamp"/> value.</summary>
    public static double SecondsSince(long start) => Stopwatch.GetElapsedTime(start).TotalSeconds;
}
