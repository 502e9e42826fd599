using System.Net;
using CqBot.Hosting;
using CqBot.Hosting.Pipeline;
using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CqBot.Tests.Hosting;

/// <summary>A reply in an HTTP POST response is a message like any other: it passes the send rate limit.</summary>
public sealed class QuickOperationRateLimitTests
{
    private const long Group = 555;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly RecordingLogger<EventPipeline> _log = new();

    [Fact]
    public async Task Post_MoreRepliesThanTheGroupBurst_BurstGoesInResponsesTheRestThroughTheApiAtTheLimitersPace()
    {
        const int posts = 10;
        const int burst = 3;
        await using var implementation = await FakeOneBotServer.StartAsync(TestEvents.SelfId);
        implementation.Responder = _ => ApiReply.Ok();
        await using var host = await StartAsync(["--api-root", implementation.HttpApiRoot.AbsoluteUri], TimeSpan.FromSeconds(1));
        using var echo = host.App.Use((session, next) => ValueTask.FromResult<Message?>("echo " + session.Content));
        using var poster = new FakeOneBotPoster(host.BaseUrl, TestEvents.SelfId);

        var responses = Enumerable.Range(0, posts).Select(i => poster.PostAsync(TestEvents.GroupMessageJson(Group, 42, $"m{i}"))).ToList();
        // Without time passing, the burst answers in its responses and the next reply gives up its response.
        await WaitUntilAsync(() => responses.Count(response => response.IsCompleted) == burst + 1);

        Assert.Equal(burst, responses.Where(response => response.IsCompleted).Count(response => CarriesReply(response.Result)));
        Assert.Empty(implementation.Calls);

        var seconds = 0;
        var deadline = DateTime.UtcNow + BotHost.Timeout;
        while (implementation.Calls.Count < posts - burst)
        {
            // At most one message a second once the burst is spent.
            Assert.InRange(implementation.Calls.Count, 0, seconds);
            Assert.True(DateTime.UtcNow < deadline, $"Only {implementation.Calls.Count} replies went through the API after {seconds} s.");
            _time.Advance(TimeSpan.FromSeconds(1));
            seconds++;
            await Task.Delay(20);
        }
        var results = await Task.WhenAll(responses).WaitAsync(BotHost.Timeout);

        Assert.InRange(implementation.Calls.Count, 0, seconds);
        Assert.Equal(burst, results.Count(CarriesReply));
        Assert.All(results.Where(result => !CarriesReply(result)), result => Assert.Equal(HttpStatusCode.NoContent, result.StatusCode));
        Assert.All(implementation.Calls, call => Assert.Equal(("send_msg", Group), (call.Action, call.GetInt64("group_id") ?? 0)));
        var replied = results.Where(CarriesReply).Select(result => TextOf.Message(result.Operation!.Value.GetProperty("reply")));
        Assert.Equal(
            Enumerable.Range(0, posts).Select(i => $"echo m{i}").Order(),
            replied.Concat(implementation.Calls.Select(call => call.MessageText)).Order());
    }

    [Fact]
    public async Task Post_OverTheLimitWithoutAnApi_WaitsForTheLimitThenIsDroppedWith204AndOneLine()
    {
        await using var host = await StartAsync([], TimeSpan.FromSeconds(2), burst: 1, perSecond: 0.001);
        using var echo = host.App.Use((session, next) => ValueTask.FromResult<Message?>("echo " + session.Content));
        using var poster = new FakeOneBotPoster(host.BaseUrl, TestEvents.SelfId);
        var first = await poster.PostAsync(TestEvents.GroupMessageJson(Group, 42, "one")).WaitAsync(BotHost.Timeout);

        var second = poster.PostAsync(TestEvents.GroupMessageJson(Group, 42, "two"));
        // The reply waits for the limit; its response waits for it.
        var limiter = host.Accounts.GetOrAdd(TestEvents.SelfId).Limiter!;
        await WaitUntilAsync(() => limiter.Queued == 1);
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        var dropped = await second.WaitAsync(BotHost.Timeout);

        Assert.True(CarriesReply(first));
        Assert.Equal(HttpStatusCode.NoContent, dropped.StatusCode);
        await WaitUntilAsync(() => _log.Entries.Any(entry => entry.Message.StartsWith("A reply of bot", StringComparison.Ordinal)));
        Assert.All(_log.Entries, entry => Assert.Null(entry.Exception));
    }

    private Task<BotHost> StartAsync(string[] args, TimeSpan window, double burst = 3, double perSecond = 1) => BotHost.StartAsync(args, builder =>
    {
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<ILogger<EventPipeline>>(_log);
        builder.Services.Configure<BotOptions>(options =>
        {
            options.QuickOperationWindow = window;
            options.RateLimit.GroupBurst = burst;
            options.RateLimit.GroupPerSecond = perSecond;
            options.RateLimit.AccountBurst = 100;
            options.RateLimit.AccountPerSecond = 100;
        });
    });

    private static bool CarriesReply(PostResult result) =>
        result.StatusCode == HttpStatusCode.OK && result.Operation is { } operation && operation.TryGetProperty("reply", out _);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + BotHost.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true in time.");
            await Task.Delay(10);
        }
    }
}
