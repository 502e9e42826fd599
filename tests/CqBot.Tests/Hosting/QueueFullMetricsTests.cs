using CqBot.Hosting;
using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Tests.Hosting;

/// <summary>Events dropped over the queue limits are counted as refused, with reason queue_full.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class QueueFullMetricsTests
{
    [Fact]
    public async Task Flood_OverTheChatLimit_EachDroppedEventIsCountedAsQueueFull()
    {
        const long selfId = 9611;
        const int perChat = 2;
        const int flood = 10;
        using var recorder = new TelemetryRecorder();
        await using var host = await BotHost.StartAsync(["--no-rate-limit"], builder =>
            builder.Services.Configure<BotOptions>(options => options.MaxQueuedEventsPerChat = perChat));
        var release = new TaskCompletionSource();
        var held = new TaskCompletionSource();
        using var middleware = host.App.Use(async (session, next) =>
        {
            held.TrySetResult();
            await release.Task;
            return null;
        });
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, selfId);
        await client.SendEventAsync(FakeEvents.GroupMessage(selfId, 1, 42, "hold"));
        await held.Task.WaitAsync(BotHost.Timeout);

        for (var i = 0; i < flood; i++)
        {
            await client.SendEventAsync(FakeEvents.GroupMessage(selfId, 1, 42, $"flood {i}"));
        }
        await recorder.WaitForAsync(r => r.Of("cqbot.events.refused").Count == flood - perChat, "the dropped events");
        release.SetResult();

        Assert.All(recorder.Of("cqbot.events.refused"), m => Assert.Equal(
            ("queue_full", "reverse_ws", 1.0), ((string?)m.Tag("error.type"), (string?)m.Tag("cqbot.transport"), m.Value)));
    }
}
