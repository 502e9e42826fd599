using System.Net;
using CqBot.Hosting.Diagnostics;
using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CqBot.Tests.Hosting;

/// <summary>A flood of bad input over real sockets writes a handful of log lines, not one per refusal.</summary>
public sealed class RefusalFloodTests : IAsyncLifetime
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
}
