using Microsoft.Extensions.DependencyInjection;
using CqBot.Hosting;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

/// <summary>The limiter on the real send path, with its default being on.</summary>
public sealed class SendRateLimitIntegrationTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(configure: builder =>
    {
        builder.Services.Configure<BotOptions>(options => options.RateLimit.AccountBurst = 1);
        builder.Services.Configure<BotOptions>(options => options.RateLimit.AccountPerSecond = 0.001);
        builder.Services.Configure<BotOptions>(options => options.RateLimit.QueueLimit = 1);
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SendMsg_OverLimitAndQueueFull_ThrowsSendQueueFullWithoutSending()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9101);
        client.Responder = _ => ApiReply.Ok();
        var bot = await _host.WaitForBotAsync(9101);

        await bot.SendGroupMessageAsync(1, "one");
        var queued = bot.SendGroupMessageAsync(1, "two");
        var error = await Assert.ThrowsAsync<SendQueueFullException>(() => bot.SendGroupMessageAsync(1, "three"));

        Assert.Contains("9101", error.Message);
        Assert.Single(client.Calls);
        Assert.False(queued.IsCompleted);
    }

    [Fact]
    public async Task NonSendAction_OverLimit_IsNotDelayed()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9102);
        client.Responder = _ => ApiReply.Ok("{}");
        var bot = await _host.WaitForBotAsync(9102);
        await bot.SendGroupMessageAsync(1, "one");

        await bot.CallAsync("get_status").AsTask().WaitAsync(BotHost.Timeout);
        await bot.CallAsync("get_status").AsTask().WaitAsync(BotHost.Timeout);
    }
}
