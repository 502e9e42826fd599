using System.Net;
using CqBot.Hosting;
using CqBot.Hosting.Pipeline;
using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CqBot.Tests.Hosting;

/// <summary>Shutdown says how many events never started and how many running handlers it cancelled.</summary>
public sealed class ShutdownCountsTests
{
    [Fact]
    public async Task Stop_HandlersOutlastTheTimeout_LogsExactCountsAndAnswersQueuedPostsWith204()
    {
        const long selfId = 9701;
        var log = new RecordingLogger<EventPipeline>();
        var host = await BotHost.StartAsync(["--no-rate-limit"], builder =>
        {
            builder.Services.Configure<BotOptions>(options =>
            {
                options.ShutdownTimeout = TimeSpan.FromMilliseconds(200);
                options.QuickOperationWindow = TimeSpan.FromMinutes(5);
            });
            builder.Services.AddSingleton<ILogger<EventPipeline>>(log);
        });
        var started = 0;
        var cancelled = 0;
        using var stuck = host.App.Use(async (session, next) =>
        {
            if (session.Content != "hold")
            {
                return "not held";
            }
            Interlocked.Increment(ref started);
            try
            {
                await Task.Delay(Timeout.Infinite, session.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref cancelled);
                throw;
            }
            return null;
        });
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, selfId);
        client.Responder = _ => ApiReply.Ok();
        using var poster = new FakeOneBotPoster(host.BaseUrl, selfId);
        // Two chats each with a running handler; three events wait behind the first, one (posted) behind the second.
        await client.SendEventAsync(FakeEvents.GroupMessage(selfId, 1, 42, "hold"));
        await client.SendEventAsync(FakeEvents.GroupMessage(selfId, 2, 42, "hold"));
        for (var i = 0; i < 3; i++)
        {
            await client.SendEventAsync(FakeEvents.GroupMessage(selfId, 1, 42, $"waiting {i}"));
        }
        var posted = poster.PostAsync(FakeEvents.GroupMessage(selfId, 2, 42, "waiting posted"));
        var pipeline = host.App.Services.GetRequiredService<EventPipeline>();
        await WaitUntilAsync(() => Volatile.Read(ref started) == 2 && pipeline.Backlog(out _) == 4);

        await host.DisposeAsync();

        var result = await posted.WaitAsync(BotHost.Timeout);
        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Equal(2, Volatile.Read(ref cancelled));
        Assert.Empty(client.Calls);
        var lines = log.Entries.Select(entry => (entry.Level, entry.Message)).ToList();
        Assert.Contains((LogLevel.Information, "Shutting down: waiting up to 0.2 s for 2 running event(s) and 4 queued behind them."), lines);
        Assert.Contains((LogLevel.Warning, "Shutting down: 4 queued event(s) were never started and are dropped."), lines);
        Assert.Contains((LogLevel.Warning, "Shutting down: cancelling 2 event handler(s) that are still running."), lines);
    }

    [Fact]
    public async Task Stop_EverythingFinishesInTime_LogsNoDroppedOrCancelledEvents()
    {
        const long selfId = 9702;
        var log = new RecordingLogger<EventPipeline>();
        var host = await BotHost.StartAsync(["--no-rate-limit"], builder => builder.Services.AddSingleton<ILogger<EventPipeline>>(log));
        var release = new TaskCompletionSource();
        var handled = 0;
        using var slow = host.App.Use(async (session, next) =>
        {
            await release.Task;
            Interlocked.Increment(ref handled);
            return null;
        });
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, selfId);
        await client.SendEventAsync(FakeEvents.GroupMessage(selfId, 1, 42, "first"));
        await client.SendEventAsync(FakeEvents.GroupMessage(selfId, 1, 42, "second"));
        var pipeline = host.App.Services.GetRequiredService<EventPipeline>();
        await WaitUntilAsync(() => pipeline.Backlog(out _) == 1);

        var stopping = host.DisposeAsync().AsTask();
        await WaitUntilAsync(() => !log.Entries.IsEmpty);
        release.SetResult();
        await stopping.WaitAsync(BotHost.Timeout);

        Assert.Equal(2, Volatile.Read(ref handled));
        Assert.Equal(["Shutting down: waiting up to 10 s for 1 running event(s) and 1 queued behind them."], log.Entries.Select(entry => entry.Message));
    }

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
