using System.Net;
using System.Text;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

public sealed class WebSocketShutdownTests
{
    [Fact]
    public async Task Connect_WhileShutdownDrainsHandlers_IsRefusedWith503()
    {
        var host = await BotHost.StartAsync(["--no-rate-limit"]);
        var (started, release) = (new TaskCompletionSource(), new TaskCompletionSource());
        using var slow = host.App.Use(async (session, next) =>
        {
            started.TrySetResult();
            await release.Task.WaitAsync(session.CancellationToken);
            return null;
        });
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9301);
        await client.SendEventAsync(FakeEvents.PrivateMessage(9301, 42, "work"));
        await started.Task.WaitAsync(BotHost.Timeout);
        var stopped = host.DisposeAsync().AsTask();
        await WaitForDrainAsync(host);

        using var late = await RawWebSocketClient.ConnectAsync(host.Universal, new Dictionary<string, string> { ["X-Self-ID"] = "9302" });

        release.TrySetResult();
        await stopped.WaitAsync(BotHost.Timeout);
        Assert.Equal(503, late.Status);
    }

    // The drain has begun once an HTTP POST event is refused with 503 (which the handler above keeps going).
    private static async Task WaitForDrainAsync(BotHost host)
    {
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        using var timeout = new CancellationTokenSource(BotHost.Timeout);
        while (true)
        {
            using var content = new StringContent(FakeEvents.Heartbeat(9303, 5000), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/", content, timeout.Token);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return;
            }
            await Task.Delay(10, timeout.Token);
        }
    }
}
