using System.Diagnostics;

namespace CqBot.Diagnostics;

/// <summary>
/// The core's activity source, named <c>CqBot</c> like the meter: a child activity for each command run
/// and each API call, under the event's activity that hosting starts. Nothing is created while nobody
/// listens: <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null then, and callers
/// test <see cref="ActivitySource.HasListeners"/> before they build a name.
/// </summary>
internal static class CqBotActivitySource
{
    public static readonly ActivitySource Source = new(CqBotMetrics.Name);
}
