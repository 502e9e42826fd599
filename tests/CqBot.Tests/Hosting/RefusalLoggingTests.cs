using System.Net;
using CqBot.Hosting.Diagnostics;
using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CqBot.Tests.Hosting;

/// <summary>
/// Refused input over real sockets: one warning line without a stack trace, the same way on both
/// transports, and a flood of it writes a handful of lines, not one per refusal.
/// </summary>
public sealed class RefusalLoggingTests : IAsyncLifetime
{
    private const int Flood = 1000;

    // Cut short after post_type, so that both transports take it for an event and fail to parse it.
    private const string Malformed = """{"time":1,"self_id":10001,"post_type":"message","message_type":"group","group_id":""";

    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingLoggerProvider _log = new();
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(["--no-rate-limit"], builder =>
    {
        builder.Logging.AddProvider(_log);
        builder.Services.AddSingleton(provider => new RefusalLog(_clock, provider.GetRequiredService<ILogger<RefusalLog>>(), RefusalLog.DefaultInterval));
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MalformedPostsAndFrames_Flood_LogFirstLineAndOneCountEach()
    {
        _log.Entries.Clear();
        using var poster = new FakeOneBotPoster(_host.BaseUrl, TestEvents.SelfId, maxConnections: 8);
        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var codes = new List<HttpStatusCode>();
            for (var i = 0; i < Flood / 8; i++)
            {
                codes.Add((await poster.PostAsync(Malformed)).StatusCode);
            }
            return codes;
        }));
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, TestEvents.SelfId);
        for (var i = 0; i < Flood; i++)
        {
            await client.SendEventAsync(Malformed);
        }
        // Frames are handled in order: once this one is answered, every bad one before it was refused.
        await client.SendEventAsync(TestEvents.GroupMessageJson(123456, 42, "add 2 2"));
        Assert.Equal("4", (await client.NextCallAsync(BotHost.Timeout)).MessageText);

        _clock.Advance(RefusalLog.DefaultInterval);

        Assert.All(statuses.SelectMany(s => s), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        var lines = _log.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.InRange(lines.Count, 4, 6);
        Assert.All(lines, line => Assert.Null(line.Exception));
        Assert.Contains(lines, line => line.Message.StartsWith($"{Flood - 1} more http_post input(s) refused (parse_error)", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Message.StartsWith($"{Flood - 1} more reverse_ws input(s) refused (parse_error)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Frame_WithoutPostTypeOrResponseFields_IsRefusedAsNotAnEventAtWarning()
    {
        _log.Entries.Clear();
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, TestEvents.SelfId);

        await client.SendEventAsync($$$"""{"time":1,"self_id":{{{TestEvents.SelfId}}}}""");
        await client.SendEventAsync($$$"""{"time":2,"self_id":{{{TestEvents.SelfId}}}}""");
        await client.SendEventAsync($$$"""{"time":3,"self_id":{{{TestEvents.SelfId}}},"post_type":null}""");

        // A response nobody waits for is no event either, but it is no refusal: it stays at Debug.
        await client.SendEventAsync("""{"status":"ok","retcode":0,"data":null,"echo":"424242"}""");
        await client.SendEventAsync(TestEvents.GroupMessageJson(123456, 42, "add 2 2"));
        Assert.Equal("4", (await client.NextCallAsync(BotHost.Timeout)).MessageText);
        _clock.Advance(RefusalLog.DefaultInterval);

        var lines = _log.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("without a post_type", lines[0].Message, StringComparison.Ordinal);
        Assert.Null(lines[0].Exception);
        Assert.StartsWith("2 more reverse_ws input(s) refused (not_an_event)", lines[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutPostType_IsRefusedAsNotAnEventAtWarning()
    {
        _log.Entries.Clear();
        using var poster = new FakeOneBotPoster(_host.BaseUrl, TestEvents.SelfId);

        var first = await poster.PostAsync("""{"time":1}""");
        var second = await poster.PostAsync("""{"time":2}""");
        _clock.Advance(RefusalLog.DefaultInterval);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var lines = _log.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("without a post_type", lines[0].Message, StringComparison.Ordinal);
        Assert.Null(lines[0].Exception);
        Assert.StartsWith("1 more http_post input(s) refused (not_an_event)", lines[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_ThatCannotBeSent_LogOneLineWithoutTraceAndACount()
    {
        _log.Entries.Clear();
        const int Answers = 50;
        // An event-only socket carries no API calls, so no answer of this account can be sent.
        using var socket = await SendOverEventSocketAsync(3902, Answers, "add 2 2");
        static bool Failed(RecordingLoggerProvider.LogEntry e) => e.Message.Contains("could not be sent", StringComparison.Ordinal);

        _clock.Advance(RefusalLog.DefaultInterval);

        var lines = _log.Entries.Where(e => e.Level >= LogLevel.Warning && Failed(e)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Null(line.Exception));
        Assert.Contains("no WebSocket of it carries API calls", lines[0].Message, StringComparison.Ordinal);
        Assert.Equal($"{Answers - 1} more answer(s) could not be sent (ApiNotAvailableException) in the last 10 s; only the first was logged.", lines[1].Message);
    }

    [Fact]
    public async Task HandlerCalls_ThatCannotBeDelivered_LogOneLineWithoutTraceAndACount()
    {
        _log.Entries.Clear();
        const int Commands = 50;
        // An event-only socket carries no API calls: the command's own call fails in the handler.
        using var socket = await SendOverEventSocketAsync(3903, Commands, "lookup api");

        _clock.Advance(RefusalLog.DefaultInterval);

        static bool Undelivered(RecordingLoggerProvider.LogEntry e) => e.Message.Contains("could not be delivered", StringComparison.Ordinal);
        var lines = _log.Entries.Where(e => e.Level >= LogLevel.Warning && Undelivered(e)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Null(line.Exception));
        Assert.StartsWith("Command 'lookup' for user 42 on input 'lookup api' made an API call that could not be delivered: ", lines[0].Message, StringComparison.Ordinal);
        Assert.Equal($"{Commands - 1} more API call(s) of handlers could not be delivered (ApiNotAvailableException) in the last 10 s; only the first was logged.", lines[1].Message);
        Assert.DoesNotContain(_log.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task ConnectionsDroppedWithoutClose_Storm_LogAFewLinesAndACount()
    {
        _log.Entries.Clear();
        const int Storm = 40;
        for (var i = 0; i < Storm; i++)
        {
            using var socket = new System.Net.WebSockets.ClientWebSocket();
            socket.Options.SetRequestHeader("X-Self-ID", (3920 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await socket.ConnectAsync(_host.Universal, CancellationToken.None);
            await _host.WaitForBotAsync(3920 + i);
            socket.Abort();
        }
        var deadline = DateTime.UtcNow + BotHost.Timeout;
        while (_host.Accounts.GetStatus().Any(a => a.SelfId is >= 3920 and < 3920 + Storm && a.Connections.Count > 0))
        {
            Assert.True(DateTime.UtcNow < deadline, "the dropped connections were not noticed in time");
            await Task.Delay(10);
        }

        _clock.Advance(RefusalLog.DefaultInterval);

        var lost = _log.Entries.Where(e => e.Message.Contains("was lost", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, lost.Count);
        Assert.All(lost, line => Assert.Null(line.Exception));
        Assert.Contains(_log.Entries, e => e.Message.StartsWith($"{Storm - 5} more reverse_ws connection(s) were lost", StringComparison.Ordinal));
    }

    // Sends group messages (one group each) over an event-only socket, which carries no API calls,
    // and returns once the bot has handled them all.
    private async Task<System.Net.WebSockets.ClientWebSocket> SendOverEventSocketAsync(long selfId, int count, string text)
    {
        var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.SetRequestHeader("X-Self-ID", selfId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        socket.Options.SetRequestHeader("X-Client-Role", "event");
        await socket.ConnectAsync(_host.Event, CancellationToken.None);
        await _host.WaitForBotAsync(selfId);
        for (var i = 0; i < count; i++)
        {
            var frame = System.Text.Encoding.UTF8.GetBytes(FakeEvents.GroupMessage(selfId, 7000 + i, 42, text));
            await socket.SendAsync(frame, System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
        }
        // Frames are taken in order: once the heartbeat after them is seen, every message was taken.
        var heartbeat = System.Text.Encoding.UTF8.GetBytes(FakeEvents.Heartbeat(selfId, 5000));
        await socket.SendAsync(heartbeat, System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
        var deadline = DateTime.UtcNow + BotHost.Timeout;
        while (_host.Accounts.GetStatus().Single(a => a.SelfId == selfId).LastHeartbeat is null
            || _host.App.Services.GetRequiredService<CqBot.Hosting.Pipeline.EventPipeline>().InFlight > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the messages were not handled in time");
            await Task.Delay(10);
        }
        return socket;
    }
}
