using CqBot.Hosting;
using Microsoft.Extensions.Logging;

namespace CqBot.LoadTest;

/// <summary>The bot under load: the generated echo command, rate limiting off, warnings only in the log.</summary>
internal static class EchoBot
{
    public static int Run(string[] args)
    {
        using var listener = args.Contains(TelemetryListener.Option) ? new TelemetryListener(activities: true)
            : args.Contains(TelemetryListener.MetersOnlyOption) ? new TelemetryListener(activities: false)
            : null;
        using var memory = MemoryReport.Start();
        using var allocations = Environment.GetEnvironmentVariable("CQBOT_ALLOCATION_REPORT") is { Length: > 0 } ? new AllocationSampler() : null;
        var builder = BotApplication.CreateBuilder([.. args.Where(a => a is not (TelemetryListener.Option or TelemetryListener.MetersOnlyOption)), "--no-rate-limit"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.Run();
        return 0;
    }
}
