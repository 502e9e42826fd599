using CqBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Net.WebSockets;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Stop_HandlerRunning_FinishesAndSendsItsReplyBeforeSocketsClose()
    {
        var host = await BotHost.StartAsync(["--no-rate-limit"]);
        var started = new TaskCompletionSource();
        using var slow = host.App.Use(async (session, next) =>
        {
            started.TrySetResult();
            await Task.Delay(300);
            return "done";
        });
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9501);
        client.Responder = _ => ApiReply.Ok();
        await client.SendEventAsync(FakeEvents.PrivateMessage(9501, 42, "work"));
        await started.Task.WaitAsync(BotHost.Timeout);

        await host.DisposeAsync();

        var call = Assert.Single(client.Calls);
        Assert.Equal("done", call.MessageText);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await client.Closed.WaitAsync(BotHost.Timeout));
    }

    [Fact]
    public async Task Stop_HandlerOutlastsShutdownTimeout_IsCancelled()
    {
        var host = await BotHost.StartAsync(configure: builder => builder.Services.Configure<BotOptions>(options => options.ShutdownTimeout = TimeSpan.FromMilliseconds(200)));
        var (started, cancelled) = (new TaskCompletionSource(), new TaskCompletionSource());
        using var stuck = UseHandlerThatWaitsForCancellation(host, started, cancelled);
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9502);
        await client.SendEventAsync(FakeEvents.PrivateMessage(9502, 42, "hang"));
        await started.Task.WaitAsync(BotHost.Timeout);

        await host.DisposeAsync();

        Assert.True(cancelled.Task.IsCompleted);
    }

    [Fact]
    public async Task Stop_HostStopsWaitingBeforeShutdownTimeout_HandlersAreCancelledAtOnce()
    {
        var host = await BotHost.StartAsync(configure: builder => builder.Services.Configure<BotOptions>(options => options.ShutdownTimeout = TimeSpan.FromMinutes(5)));
        var (started, cancelled) = (new TaskCompletionSource(), new TaskCompletionSource());
        using var stuck = UseHandlerThatWaitsForCancellation(host, started, cancelled);
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9503);
        await client.SendEventAsync(FakeEvents.PrivateMessage(9503, 42, "hang"));
        await started.Task.WaitAsync(BotHost.Timeout);
        using var hostGivesUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Record.ExceptionAsync(() => host.App.StopAsync(hostGivesUp.Token));

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(3));
        await host.App.DisposeAsync();
    }

    [Fact]
    public async Task AccountLosesItsLastConnection_RunningHandlersAreCancelled()
    {
        await using var host = await BotHost.StartAsync();
        var (started, cancelled) = (new TaskCompletionSource(), new TaskCompletionSource());
        using var stuck = UseHandlerThatWaitsForCancellation(host, started, cancelled);
        var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9504);
        await client.SendEventAsync(FakeEvents.PrivateMessage(9504, 42, "hang"));
        await started.Task.WaitAsync(BotHost.Timeout);

        await client.DisposeAsync();

        await cancelled.Task.WaitAsync(BotHost.Timeout);
    }

    // A middleware that never finishes on its own: it reports when it starts and when its token is cancelled.
    private static IDisposable UseHandlerThatWaitsForCancellation(BotHost host, TaskCompletionSource started, TaskCompletionSource cancelled) =>
        host.App.Use(async (session, next) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, session.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }
            return null;
        });
}
