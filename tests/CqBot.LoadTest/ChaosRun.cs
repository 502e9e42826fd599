using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using CqBot.Testing;

namespace CqBot.LoadTest;

/// <summary>
/// The bot, with an access token and a secret, serves well-behaved accounts at a steady rate (half
/// over a reverse WebSocket, half over HTTP POST) while, in the same run, other clients holding the
/// token misbehave: one sends a huge frame, one stops reading its socket, one floods a single group
/// with slow commands, many connect and disconnect in a storm, and one sends an event with a lone
/// surrogate escape. Prints what the well-behaved traffic saw (lost, latency), what each attack met,
/// the bot's peak RSS and how much it logged.
/// </summary>
internal static class ChaosRun
{
    private const string Token = "chaos-token";
    private const string Secret = "chaos-secret";
    private const long WebSocketAccount = 20001;
    private const long HttpAccount = 20002;
    private const int Groups = 64;
    private static readonly ApiReply Sent = ApiReply.Ok("""{"message_id":1}""");

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = ChaosSettings.Parse(args);
        if (OperatingSystem.IsLinux() && Environment.ProcessorCount > 1)
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }
        await using var bot = await BotProcess.StartAsync(core: Environment.ProcessorCount > 1 ? 1 : 0, null, ["--access-token", Token, "--secret", Secret], quiet: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chaos: {settings.Rate} well-behaved events/s for {settings.Duration.TotalSeconds} s; a {settings.FrameMegabytes} MB frame, a client that stops reading, a flood of {settings.Flood} slow commands in one group, a reconnect storm, a lone surrogate"));

        using var stop = new CancellationTokenSource(settings.Duration);
        var peakRss = 0L;
        var timeline = new List<string>();
        var sampler = Task.Run(async () =>
        {
            var watch = Stopwatch.StartNew();
            var nextMark = TimeSpan.Zero;
            while (!stop.IsCancellationRequested)
            {
                var rss = bot.Rss;
                peakRss = Math.Max(peakRss, rss);
                if (watch.Elapsed >= nextMark)
                {
                    timeline.Add(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:0} s: {rss / 1048576.0:0}"));
                    nextMark += TimeSpan.FromSeconds(15);
                }
                await Task.Delay(100, CancellationToken.None);
            }
        });

        var capacity = (int)(settings.Rate * settings.Duration.TotalSeconds) + 1000;
        var wsRecorder = new LatencyRecorder(capacity);
        var httpRecorder = new LatencyRecorder(capacity);
        var surrogates = new SurrogateProbe();
        var start = Stopwatch.GetTimestamp();
        wsRecorder.OpenWindow(start);
        httpRecorder.OpenWindow(start);

        var wellBehaved = Task.WhenAll(
            WebSocketSoakAsync(bot, settings, wsRecorder, surrogates, stop.Token),
            HttpSoakAsync(bot, settings, httpRecorder, stop.Token));
        var at = settings.Duration.TotalSeconds;
        var attacks = new List<Task<Outcome>>();
        if (settings.Runs("frame"))
        {
            attacks.Add(AfterAsync(at * 0.1, () => HugeFrameAsync(bot, settings.FrameMegabytes)));
        }
        if (settings.Runs("reader"))
        {
            attacks.Add(AfterAsync(at * 0.2, () => NonReadingClientAsync(bot, stop.Token)));
        }
        if (settings.Runs("flood"))
        {
            attacks.Add(AfterAsync(at * 0.3, () => FloodAsync(bot, settings.Flood, stop.Token)));
        }
        if (settings.Runs("storm"))
        {
            attacks.Add(AfterAsync(at * 0.4, () => ReconnectStormAsync(bot, TimeSpan.FromSeconds(at * 0.2))));
        }
        var (wsSent, lone) = await AwaitSoak(wellBehaved);
        var outcomes = await Task.WhenAll(attacks);

        // The last well-behaved events come back before losses are counted.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((wsRecorder.Completed < wsSent.WebSocket || httpRecorder.Completed < wsSent.Http || surrogates.Answered < lone) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        wsRecorder.CloseWindow(Stopwatch.GetTimestamp());
        httpRecorder.CloseWindow(Stopwatch.GetTimestamp());
        await sampler;
        peakRss = Math.Max(peakRss, bot.PeakRss);

        Console.WriteLine();
        Console.WriteLine("| well-behaved | sent | answered | lost | p50 µs | p99 µs | max µs |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var lost = Row("reverse WS", wsSent.WebSocket, wsRecorder) + Row("HTTP POST", wsSent.Http, httpRecorder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| lone surrogate events | {lone} | {surrogates.Answered} | {lone - surrogates.Answered} | | | |"));
        Console.WriteLine();
        Console.WriteLine("| attack | what happened |");
        Console.WriteLine("|---|---|");
        foreach (var outcome in outcomes)
        {
            Console.WriteLine($"| {outcome.Name} | {outcome.Result} |");
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bot peak RSS {peakRss / 1048576.0:0.0} MB (VmHWM {bot.PeakRss / 1048576.0:0.0} MB); log {bot.LogBytes / 1024.0:0.0} KB in {bot.LogLines} lines"));
        Console.WriteLine("RSS MB over the run: " + string.Join(", ", timeline));
        foreach (var (kind, count) in bot.LogKinds.Take(8))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,8} × {kind}"));
        }
        return lost == 0 && peakRss < 200L * 1024 * 1024 ? 0 : 1;
    }

    private static long Row(string name, long sent, LatencyRecorder recorder)
    {
        var (p50, p99, max, _) = recorder.Percentiles();
        var lost = sent - recorder.Completed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {sent} | {recorder.Completed} | {lost} | {p50:0} | {p99:0} | {max:0} |"));
        return lost;
    }

    private static async Task<((long WebSocket, long Http) Sent, int Lone)> AwaitSoak(Task<(long Sent, int Lone)[]> soak)
    {
        var results = await soak;
        return ((results[0].Sent, results[1].Sent), results[0].Lone);
    }

    private static async Task<Outcome> AfterAsync(double seconds, Func<Task<Outcome>> attack)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        try
        {
            return await attack();
        }
        catch (Exception exception)
        {
            return new Outcome("(attack failed)", exception.GetType().Name + ": " + exception.Message);
        }
    }

    // Open loop at half the rate over 64 groups; every 1,000th event carries a lone surrogate.
    private static async Task<(long Sent, int Lone)> WebSocketSoakAsync(BotProcess bot, ChaosSettings settings, LatencyRecorder recorder, SurrogateProbe surrogates, CancellationToken stop)
    {
        await using var client = await FakeOneBotClient.ConnectAsync(bot.Universal, WebSocketAccount, new FakeClientOptions { AccessToken = Token, RecordCalls = false });
        client.Responder = call =>
        {
            var text = call.MessageText;
            if (text.StartsWith("lone ", StringComparison.Ordinal))
            {
                surrogates.Answer(text);
            }
            else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id < recorder.Capacity)
            {
                recorder.Complete(id);
            }
            return Sent;
        };
        var rate = settings.Rate / 2;
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        var lone = 0;
        while (!stop.IsCancellationRequested && sent < recorder.Capacity)
        {
            var due = (int)Math.Min(recorder.Capacity, Stopwatch.GetElapsedTime(start).TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                recorder.Sent(sent, Stopwatch.GetTimestamp());
                await client.SendEventAsync(Event(WebSocketAccount, sent));
                if (sent % 1000 == 999)
                {
                    // Node's JSON.stringify writes a lone surrogate as this escape.
                    var json = FakeEvents.GroupMessage(WebSocketAccount, 1, 42, "echo lone " + lone.ToString(CultureInfo.InvariantCulture) + " SURROGATE", 1);
                    await client.SendEventAsync(json.Replace("SURROGATE", "\\ud83d", StringComparison.Ordinal));
                    lone++;
                }
            }
            await Task.Delay(1, CancellationToken.None);
        }
        await Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None);
        return (sent, lone);
    }

    private static async Task<(long Sent, int Lone)> HttpSoakAsync(BotProcess bot, ChaosSettings settings, LatencyRecorder recorder, CancellationToken stop)
    {
        using var poster = new FakeOneBotPoster(bot.HttpRoot, HttpAccount, Secret, Token, maxConnections: 256);
        var rate = settings.Rate / 2;
        var pending = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        while (!stop.IsCancellationRequested && sent < recorder.Capacity)
        {
            var due = (int)Math.Min(recorder.Capacity, Stopwatch.GetElapsedTime(start).TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                pending.Add(PostAsync(poster, recorder, sent));
            }
            if (pending.Count > 10_000)
            {
                pending.RemoveAll(task => task.IsCompleted);
            }
            await Task.Delay(1, CancellationToken.None);
        }
        await Task.WhenAll(pending);
        return (sent, 0);
    }

    private static async Task PostAsync(FakeOneBotPoster poster, LatencyRecorder recorder, int id)
    {
        recorder.Sent(id, Stopwatch.GetTimestamp());
        try
        {
            var result = await poster.PostAsync(Event(HttpAccount, id));
            if (result.StatusCode == HttpStatusCode.OK && result.Body.Contains($"\"{id.ToString(CultureInfo.InvariantCulture)}\"", StringComparison.Ordinal))
            {
                recorder.Complete(id);
            }
        }
        catch (HttpRequestException)
        {
            // Counted as lost.
        }
    }

    // Each account has groups of its own: a group shared by two accounts is answered by the one assigned to it.
    private static string Event(long selfId, int id) =>
        FakeEvents.GroupMessage(selfId, (selfId == WebSocketAccount ? 1 : 101) + (id % Groups), 42, "echo " + id.ToString(CultureInfo.InvariantCulture), id);

    // One text message of many megabytes, in 1 MB frames, from a client that holds the token.
    private static async Task<Outcome> HugeFrameAsync(BotProcess bot, int megabytes)
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + Token);
        socket.Options.SetRequestHeader("X-Self-ID", "30001");
        await socket.ConnectAsync(bot.Universal, CancellationToken.None);
        var receiving = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return $"closed by the bot with {(int?)result.CloseStatus} {result.CloseStatusDescription}";
                    }
                }
                return "socket " + socket.State;
            }
            catch (Exception exception) when (exception is WebSocketException or IOException)
            {
                return "connection reset (" + exception.Message + ")";
            }
        });
        var chunk = new byte[1024 * 1024];
        chunk.AsSpan().Fill((byte)'a');
        "{\"post_type\":\"message\",\"message\":\""u8.CopyTo(chunk);
        long sentBytes = 0;
        var watch = Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < megabytes; i++)
            {
                await socket.SendAsync(chunk, WebSocketMessageType.Text, endOfMessage: i == megabytes - 1, CancellationToken.None);
                sentBytes += chunk.Length;
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
        {
        }
        var seen = await receiving.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "no answer within 30 s", TaskScheduler.Default);
        return new Outcome($"{megabytes} MB frame", string.Create(CultureInfo.InvariantCulture, $"{seen}; {sentBytes / 1048576} MB sent in {watch.Elapsed.TotalSeconds:0.0} s"));
    }

    // A reverse WebSocket that sends commands and never reads the answers.
    private static async Task<Outcome> NonReadingClientAsync(BotProcess bot, CancellationToken stop)
    {
        using var tcp = new TcpClient { ReceiveBufferSize = 4096 };
        await tcp.ConnectAsync(IPAddress.Loopback, bot.Port);
        var stream = tcp.GetStream();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var handshake = $"GET /ws/ HTTP/1.1\r\nHost: 127.0.0.1:{bot.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nX-Self-ID: 30002\r\nX-Client-Role: Universal\r\nAuthorization: Bearer {Token}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(handshake));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }
        if (!head.ToString().StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            return new Outcome("client that stops reading", "handshake refused: " + head.ToString().Split('\r')[0]);
        }
        // Replies of ~8 KB each fill the socket's buffers quickly once nobody reads them.
        var text = new string('x', 8000);
        var sent = 0;
        var watch = Stopwatch.StartNew();
        try
        {
            for (; sent < 5000 && !stop.IsCancellationRequested; sent++)
            {
                var json = FakeEvents.GroupMessage(30002, 500 + (sent % 50), 42, "echo " + text, sent);
                await stream.WriteAsync(MaskedTextFrame(json)).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or TimeoutException)
        {
        }
        var writing = watch.Elapsed;
        // Reading would unblock the bot: wait past its ApiTimeout (60 s) first, or to the end of the run.
        await Task.Delay(TimeSpan.FromSeconds(75), stop).ContinueWith(_ => { }, TaskScheduler.Default);
        // Now read: a bot that closed the connection gives its buffered frames, then the end of the stream.
        tcp.ReceiveTimeout = 2000;
        var buffer = new byte[65536];
        long read = 0;
        string state;
        try
        {
            while (true)
            {
                var n = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
                if (n == 0)
                {
                    state = "closed by the bot";
                    break;
                }
                read += n;
            }
        }
        catch (TimeoutException)
        {
            state = "still open";
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            state = "reset by the bot";
        }
        return new Outcome("client that stops reading", string.Create(CultureInfo.InvariantCulture, $"{sent} commands written in {writing.TotalSeconds:0.0} s; then {state} ({read / 1024} KB were waiting)"));
    }

    private static byte[] MaskedTextFrame(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var header = payload.Length < 126 ? 2 : payload.Length <= ushort.MaxValue ? 4 : 10;
        var frame = new byte[header + 4 + payload.Length];
        frame[0] = 0x81;
        if (header == 2)
        {
            frame[1] = (byte)(0x80 | payload.Length);
        }
        else if (header == 4)
        {
            frame[1] = 0x80 | 126;
            frame[2] = (byte)(payload.Length >> 8);
            frame[3] = (byte)payload.Length;
        }
        else
        {
            frame[1] = 0x80 | 127;
            for (var i = 0; i < 8; i++)
            {
                frame[2 + i] = (byte)((long)payload.Length >> (8 * (7 - i)));
            }
        }
        var mask = RandomNumberGenerator.GetBytes(4);
        mask.CopyTo(frame, header);
        for (var i = 0; i < payload.Length; i++)
        {
            frame[header + 4 + i] = (byte)(payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    // Slow commands in one group as fast as the socket takes them.
    private static async Task<Outcome> FloodAsync(BotProcess bot, int count, CancellationToken stop)
    {
        await using var client = await FakeOneBotClient.ConnectAsync(bot.Universal, 30003, new FakeClientOptions { AccessToken = Token, RecordCalls = false });
        var answered = 0;
        client.Responder = call =>
        {
            Interlocked.Increment(ref answered);
            return Sent;
        };
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await client.SendEventAsync(FakeEvents.GroupMessage(30003, 999, 43, "nap 20", i));
        }
        var sending = watch.Elapsed;
        await Task.Delay(Timeout.InfiniteTimeSpan, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        return new Outcome("one-group flood", string.Create(CultureInfo.InvariantCulture, $"{count} slow commands sent in {sending.TotalSeconds:0.00} s; {Volatile.Read(ref answered)} answered by the end of the run"));
    }

    // Many clients connecting and leaving at once, each as an account of its own.
    private static async Task<Outcome> ReconnectStormAsync(BotProcess bot, TimeSpan length)
    {
        var until = DateTime.UtcNow + length;
        var connected = 0;
        var failed = 0;
        var workers = Enumerable.Range(0, 50).Select(worker => Task.Run(async () =>
        {
            var n = 0;
            while (DateTime.UtcNow < until)
            {
                using var socket = new ClientWebSocket();
                socket.Options.SetRequestHeader("Authorization", "Bearer " + Token);
                socket.Options.SetRequestHeader("X-Self-ID", (40000 + (worker * 1000) + (n++ % 1000)).ToString(CultureInfo.InvariantCulture));
                try
                {
                    await socket.ConnectAsync(bot.Universal, CancellationToken.None);
                    Interlocked.Increment(ref connected);
                    if (n % 2 == 0)
                    {
                        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }
                    else
                    {
                        socket.Abort();
                    }
                }
                catch (Exception exception) when (exception is WebSocketException or IOException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        await Task.WhenAll(workers);
        return new Outcome("reconnect storm", string.Create(CultureInfo.InvariantCulture, $"{connected} connections opened and dropped in {length.TotalSeconds:0} s by 50 clients ({failed} failed)"));
    }

    private sealed record Outcome(string Name, string Result);

    private sealed class SurrogateProbe
    {
        private int _answered;

        public int Answered => Volatile.Read(ref _answered);

        public void Answer(string text)
        {
            if (text.Contains('\uFFFD', StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _answered);
            }
        }
    }

    private sealed record ChaosSettings(TimeSpan Duration, int Rate, int Flood, int FrameMegabytes, string[]? Only = null)
    {
        /// <summary>Whether the attack runs: <c>--only frame,reader,flood,storm</c> picks some; all run by default.</summary>
        public bool Runs(string attack) => Only is null || Array.IndexOf(Only, attack) >= 0;

        public static ChaosSettings Parse(string[] args)
        {
            var settings = new ChaosSettings(TimeSpan.FromSeconds(300), 3000, 50_000, 100);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                var value = args[i + 1];
                settings = args[i] switch
                {
                    "--duration" => settings with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                    "--rate" => settings with { Rate = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--flood" => settings with { Flood = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--frame-mb" => settings with { FrameMegabytes = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--only" => settings with { Only = value.Split(',') },
                    _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --duration, --rate, --flood, --frame-mb, --only frame,reader,flood,storm."),
                };
            }
            return settings;
        }
    }
}
