using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

public sealed class OrderingTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(["--no-rate-limit"]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SameChat_SlowFirstMessage_IsNotOvertakenByTheNext()
    {
        var handled = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var middleware = _host.App.Use(async (session, next) =>
        {
            if (session.Content == "first")
            {
                await Task.Delay(300);
            }
            handled.Enqueue(session.Content);
            return null;
        });
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 8001);

        await client.SendEventAsync(FakeEvents.GroupMessage(8001, 10, 42, "first"));
        await client.SendEventAsync(FakeEvents.GroupMessage(8001, 10, 43, "second"));

        await WaitUntilAsync(() => handled.Count == 2);
        Assert.Equal(["first", "second"], handled);
    }

    [Fact]
    public async Task DifferentChats_SlowMessage_DoesNotHoldUpTheOther()
    {
        var handled = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var release = new TaskCompletionSource();
        using var middleware = _host.App.Use(async (session, next) =>
        {
            if (session.Content == "blocked")
            {
                await release.Task;
            }
            handled.Enqueue(session.Content);
            return null;
        });
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 8002);

        await client.SendEventAsync(FakeEvents.GroupMessage(8002, 10, 42, "blocked"));
        await client.SendEventAsync(FakeEvents.GroupMessage(8002, 11, 42, "free"));

        await WaitUntilAsync(() => handled.Contains("free"));
        Assert.Equal(["free"], handled);
        release.SetResult();
        await WaitUntilAsync(() => handled.Count == 2);
    }

    [Fact]
    public async Task SameChat_ManyMessages_HandledInArrivalOrder()
    {
        var handled = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var middleware = _host.App.Use(async (session, next) =>
        {
            await Task.Yield();
            handled.Enqueue(session.Content);
            return null;
        });
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 8003);
        var sent = Enumerable.Range(0, 50).Select(i => "m" + i).ToArray();

        foreach (var text in sent)
        {
            await client.SendEventAsync(FakeEvents.PrivateMessage(8003, 42, text));
        }

        await WaitUntilAsync(() => handled.Count == sent.Length);
        Assert.Equal(sent, handled);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + BotHost.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(10);
        }
    }
}
