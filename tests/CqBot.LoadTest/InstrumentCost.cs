using System.Diagnostics;
using System.Globalization;
using System.Text;
using CqBot.Hosting;
using Microsoft.Extensions.Logging;

namespace CqBot.LoadTest;

/// <summary>
/// <c>instrument-cost</c>: the CPU time of one echo event through the whole pipeline (ingress, per-chat
/// ordering, scope, dispatcher, command, the reply as an API call) in one process, with no sockets, so
/// that the few hundred nanoseconds the instruments cost are not lost in the noise of a shared machine.
/// Rounds alternate: nothing listening, a meter listener, a meter and an activity listener.
/// </summary>
internal static class InstrumentCost
{
    private const long SelfId = 10001;

    public static async Task<int> RunAsync(string[] args)
    {
        var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var builder = BotApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--no-rate-limit"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["CqBot:Storage:Provider"] = "none";
        await using var app = builder.Build();
        await app.StartAsync();
        var connection = app.ConnectInMemory(SelfId, new OkTransport());
        var frames = new byte[64][];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $$$"""{"time":1,"self_id":{{{SelfId}}},"post_type":"message","message_type":"group","sub_type":"normal","message_id":{{{i}}},"group_id":{{{1000 + i}}},"user_id":42,"message":"echo hello","raw_message":"echo hello","font":0,"sender":{"user_id":42}}"""));
        }
        Console.WriteLine("| round | listener | ns CPU/event | ns wall/event |");
        Console.WriteLine("|---|---|---:|---:|");
        await MeasureAsync(connection, frames, events / 4, null, "warm-up", 0);
        for (var round = 1; round <= 3; round++)
        {
            await MeasureAsync(connection, frames, events, null, "none", round);
            await MeasureAsync(connection, frames, events, false, "meters", round);
            await MeasureAsync(connection, frames, events, true, "meters + activities", round);
        }
        await app.StopAsync();
        return 0;
    }

    private static async Task MeasureAsync(InMemoryConnection connection, byte[][] frames, int events, bool? activities, string name, int round)
    {
        using var listener = activities is { } withActivities ? new TelemetryListener(withActivities, quiet: true) : null;
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        // 64 chats in flight at once, as in the closed-loop runs.
        var inFlight = new Task[frames.Length];
        for (var i = 0; i < events; i += frames.Length)
        {
            for (var j = 0; j < frames.Length; j++)
            {
                inFlight[j] = connection.PostAsync(frames[j]);
            }
            await Task.WhenAll(inFlight);
        }
        process.Refresh();
        var cpuNs = (process.TotalProcessorTime - cpu).TotalNanoseconds / events;
        var wallNs = wall.Elapsed.TotalNanoseconds / events;
        if (round > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | {name} | {cpuNs:0} | {wallNs:0} |"));
        }
    }

    private sealed class OkTransport : IApiTransport
    {
        private static readonly ApiResponse Ok = new("ok", 0, null);

        public ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(Ok);
    }
}
