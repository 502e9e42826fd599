using System.Text.Json;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

public sealed class ApiHooksHostingTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CallingHook_OnTheApplication_MocksCallsOfConnectedAccounts()
    {
        using var data = JsonDocument.Parse("""{"user_id":9501,"nickname":"hooked"}""");
        using var hook = _host.App.ApiHooks.OnCalling((_, request, _) =>
            new ValueTask<ApiResponse?>(request.WireAction == "get_login_info" ? new ApiResponse("ok", 0, data.RootElement.Clone()) : null));
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9501);
        var bot = await _host.App.Accounts.WaitForReadyAsync(9501).WaitAsync(BotHost.Timeout);

        var info = await bot.CallAsync("get_login_info");

        Assert.Equal("hooked", info!.Value.GetProperty("nickname").GetString());
        Assert.False(await client.AnyCallWithinAsync(TimeSpan.FromMilliseconds(100)));
    }
}
