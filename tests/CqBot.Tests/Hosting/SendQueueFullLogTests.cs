using CqBot.Hosting;
using CqBot.Hosting.QuickOperations;
using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CqBot.Tests.Hosting;

/// <summary>A full send queue is an expected refusal: one line, without the exception's stack trace.</summary>
public sealed class SendQueueFullLogTests
{
    private readonly RecordingLogger<QuickOperationSender> _senderLog = new();

    [Fact]
    public async Task Reply_SendQueueFull_IsLoggedAsOneLineWithoutTheException()
    {
        const long selfId = 9801;
        await using var host = await StartAsync();
        using var reply = host.App.Use((session, next) => ValueTask.FromResult<Message?>("reply"));
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, selfId);
        client.Responder = _ => ApiReply.Ok();

        // The first reply takes the only token, the second waits in the queue of one, the third finds it full.
        for (var group = 1; group <= 3; group++)
        {
            await client.SendEventAsync(FakeEvents.GroupMessage(selfId, group, 42, "hi"));
        }
        await WaitUntilAsync(() => !_senderLog.Entries.IsEmpty);

        var (level, message, exception) = Assert.Single(_senderLog.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("send queue is full", message, StringComparison.Ordinal);
        Assert.Null(exception);
    }

    private Task<BotHost> StartAsync() => BotHost.StartAsync(configure: builder =>
    {
        builder.Services.AddSingleton<ILogger<QuickOperationSender>>(_senderLog);
        builder.Services.Configure<BotOptions>(options =>
        {
            options.RateLimit.AccountBurst = 1;
            options.RateLimit.AccountPerSecond = 0.001;
            options.RateLimit.QueueLimit = 1;
            // The reply left waiting for the limit is cancelled at shutdown.
            options.ShutdownTimeout = TimeSpan.FromMilliseconds(100);
        });
    });

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
