using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using CqBot.Testing;

namespace CqBot.LoadTest;

/// <summary>
/// Drives the echo bot over loopback with the fake implementation and prints events/s, latency
/// percentiles, lost events, the bot's CPU time per event and its peak RSS.
/// </summary>
internal static class LoadRun
{
    private const long SelfId = 10001;
    private const int Channels = 64;
    private static readonly ApiReply Sent = ApiReply.Ok("""{"message_id":1}""");

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = LoadSettings.Parse(args);
        if (OperatingSystem.IsLinux() && Environment.ProcessorCount > 1)
        {
            // The generator on core 0, the bot on core 1.
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }
        await using var bot = await BotProcess.StartAsync(core: Environment.ProcessorCount > 1 ? 1 : 0, settings.ListenMetrics ? TelemetryListener.Option : settings.ListenMetersOnly ? TelemetryListener.MetersOnlyOption : null);
        Console.WriteLine(settings.ListenMetrics ? "the bot listens to its CqBot metrics and activities"
            : settings.ListenMetersOnly ? "the bot listens to its CqBot metrics, not to its activities"
            : "no listener on the bot's metrics and activities");
        Console.WriteLine($"bot pid on core {(Environment.ProcessorCount > 1 ? 1 : 0)}, generator on core 0; warm-up {settings.Warmup.TotalSeconds} s, measured {settings.Duration.TotalSeconds} s per scenario");
        Console.WriteLine();
        Console.WriteLine("| scenario | events/s | p50 µs | p99 µs | max µs | lost | bot CPU µs/event | bot RSS MB | generator cores busy |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");

        var results = new List<Result>();
        if (settings.Runs("ws"))
        {
            results.Add(await WebSocketClosedLoopAsync(bot, settings));
        }
        if (settings.Runs("http"))
        {
            results.Add(await HttpClosedLoopAsync(bot, settings));
        }
        foreach (var rate in settings.Rates)
        {
            if (settings.Runs("ws-open"))
            {
                results.Add(await WebSocketOpenLoopAsync(bot, settings, rate));
            }
            if (settings.Runs("http-open"))
            {
                results.Add(await HttpOpenLoopAsync(bot, settings, rate));
            }
        }
        if (settings.Runs("conversations"))
        {
            Console.WriteLine();
            await ConversationRun.RunAsync(bot, settings.Conversations);
        }
        Console.WriteLine();
        Console.WriteLine($"bot peak RSS (VmHWM): {bot.PeakRss / 1048576.0:0.0} MB");
        return results.Exists(r => r.Lost > 0) ? 1 : 0;
    }

    private static async Task<Result> WebSocketClosedLoopAsync(BotProcess bot, LoadSettings settings)
    {
        var recorder = new LatencyRecorder(settings.Capacity);
        var freed = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        await using var client = await ConnectAsync(bot, recorder, freed.Writer);
        var next = 0;
        for (; next < settings.InFlight; next++)
        {
            await SendWsAsync(client, recorder, next, Stopwatch.GetTimestamp());
        }
        var measure = Measure.Start(bot, recorder, settings);
        while (!measure.Finished)
        {
            await freed.Reader.ReadAsync();
            await SendWsAsync(client, recorder, next++, Stopwatch.GetTimestamp());
        }
        return await measure.CompleteAsync($"reverse WS, closed loop, {settings.InFlight} in flight", next);
    }

    private static async Task<Result> WebSocketOpenLoopAsync(BotProcess bot, LoadSettings settings, int rate)
    {
        var recorder = new LatencyRecorder(settings.Capacity);
        await using var client = await ConnectAsync(bot, recorder, null);
        var measure = Measure.Start(bot, recorder, settings);
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        while (!measure.Finished)
        {
            var due = (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                await SendWsAsync(client, recorder, sent, Stopwatch.GetTimestamp());
            }
            await PaceAsync(start, sent, rate);
        }
        return await measure.CompleteAsync($"reverse WS, open loop {rate}/s", sent);
    }

    private static async Task<Result> HttpClosedLoopAsync(BotProcess bot, LoadSettings settings)
    {
        var recorder = new LatencyRecorder(settings.Capacity);
        using var poster = new FakeOneBotPoster(bot.HttpRoot, SelfId);
        var next = -1;
        var measure = Measure.Start(bot, recorder, settings);
        var workers = new Task[settings.InFlight];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                while (!measure.Finished)
                {
                    var id = Interlocked.Increment(ref next);
                    await PostAsync(poster, recorder, id, Stopwatch.GetTimestamp());
                }
            });
        }
        await Task.WhenAll(workers);
        return await measure.CompleteAsync($"HTTP POST, closed loop, {settings.InFlight} in flight", next + 1);
    }

    private static async Task<Result> HttpOpenLoopAsync(BotProcess bot, LoadSettings settings, int rate)
    {
        var recorder = new LatencyRecorder(settings.Capacity);
        using var poster = new FakeOneBotPoster(bot.HttpRoot, SelfId);
        var pending = new List<Task>();
        var measure = Measure.Start(bot, recorder, settings);
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        while (!measure.Finished)
        {
            var due = (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                pending.Add(PostAsync(poster, recorder, sent, Stopwatch.GetTimestamp()));
            }
            await PaceAsync(start, sent, rate);
        }
        await Task.WhenAll(pending);
        return await measure.CompleteAsync($"HTTP POST, open loop {rate}/s", sent);
    }

    /// <summary>
    /// Waits for the next millisecond tick; the events that fell due meanwhile go out together.
    /// Latency is timed from when each event is written, so timer lag is not charged to the bot.
    /// </summary>
    private static Task PaceAsync(long start, int sent, int rate) => Task.Delay(1);

    private static async Task<FakeOneBotClient> ConnectAsync(BotProcess bot, LatencyRecorder recorder, ChannelWriter<int>? freed)
    {
        var client = await FakeOneBotClient.ConnectAsync(bot.Universal, SelfId, new FakeClientOptions { RecordCalls = false });
        client.Responder = call =>
        {
            if (call.Action == "send_msg" && int.TryParse(call.MessageText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id < recorder.Capacity)
            {
                recorder.Complete(id);
                freed?.TryWrite(id);
            }
            return Sent;
        };
        return client;
    }

    private static Task SendWsAsync(FakeOneBotClient client, LatencyRecorder recorder, int id, long due)
    {
        recorder.Sent(id, due);
        return client.SendEventAsync(Event(id));
    }

    private static async Task PostAsync(FakeOneBotPoster poster, LatencyRecorder recorder, int id, long due)
    {
        recorder.Sent(id, due);
        try
        {
            var result = await poster.PostAsync(Event(id));
            if (result.StatusCode == HttpStatusCode.OK && result.Body.Contains(Text(id), StringComparison.Ordinal))
            {
                recorder.Complete(id);
            }
        }
        catch (HttpRequestException)
        {
            // Counted as lost.
        }
    }

    private static string Event(int id) => FakeEvents.GroupMessage(SelfId, 1 + (id % Channels), 42, "echo " + Text(id), id);

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>One measured window: warm-up, then the CPU and completions between its start and end.</summary>
    private sealed class Measure
    {
        private readonly BotProcess _bot;
        private readonly LatencyRecorder _recorder;
        private readonly LoadSettings _settings;
        private readonly long _measureStart;
        private readonly long _measureEnd;
        private TimeSpan _cpuStart;
        private TimeSpan _ownCpuStart;
        private TimeSpan _ownCpuEnd;
        private long _completedStart;
        private TimeSpan _cpuEnd;
        private long _completedEnd;
        private int _phase;

        private Measure(BotProcess bot, LatencyRecorder recorder, LoadSettings settings)
        {
            _bot = bot;
            _recorder = recorder;
            _settings = settings;
            var now = Stopwatch.GetTimestamp();
            _measureStart = now + (long)(settings.Warmup.TotalSeconds * Stopwatch.Frequency);
            _measureEnd = _measureStart + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        }

        public static Measure Start(BotProcess bot, LatencyRecorder recorder, LoadSettings settings) => new(bot, recorder, settings);

        /// <summary>True once the window is over; marks its start and end as they pass.</summary>
        public bool Finished
        {
            get
            {
                var now = Stopwatch.GetTimestamp();
                if (_phase == 0 && now >= _measureStart)
                {
                    _phase = 1;
                    _cpuStart = _bot.CpuTime;
                    _ownCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                    _completedStart = _recorder.Completed;
                    _recorder.OpenWindow(now);
                }
                if (_phase == 1 && now >= _measureEnd)
                {
                    _phase = 2;
                    _cpuEnd = _bot.CpuTime;
                    _ownCpuEnd = Process.GetCurrentProcess().TotalProcessorTime;
                    _completedEnd = _recorder.Completed;
                    _recorder.CloseWindow(now);
                }
                return _phase == 2 || _recorder.Completed >= _recorder.Capacity - (2 * _settings.InFlight);
            }
        }

        public async Task<Result> CompleteAsync(string name, int sent)
        {
            // Let the last events come back before counting losses.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (_recorder.Completed < sent && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
            if (_phase < 2)
            {
                _cpuEnd = _bot.CpuTime;
                _ownCpuEnd = Process.GetCurrentProcess().TotalProcessorTime;
                _completedEnd = _recorder.Completed;
            }
            var seconds = _settings.Duration.TotalSeconds;
            var events = _completedEnd - _completedStart;
            var (p50, p99, max, _) = _recorder.Percentiles();
            var result = new Result(name, events / seconds, p50, p99, max, sent - _recorder.Completed,
                events == 0 ? double.NaN : (_cpuEnd - _cpuStart).TotalMicroseconds / events, _bot.Rss / 1048576.0,
                (_ownCpuEnd - _ownCpuStart).TotalSeconds / seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {result.Name} | {result.EventsPerSecond:0} | {result.P50:0} | {result.P99:0} | {result.Max:0} | {result.Lost} | {result.CpuPerEvent:0.0} | {result.RssMb:0.0} | {result.GeneratorCores:0.00} |"));
            await Task.Delay(500);
            return result;
        }
    }

    private sealed record Result(string Name, double EventsPerSecond, double P50, double P99, double Max, long Lost, double CpuPerEvent, double RssMb, double GeneratorCores);
}
