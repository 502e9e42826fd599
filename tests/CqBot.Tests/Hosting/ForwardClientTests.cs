using CqBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

/// <summary>The bot as the client: forward WebSocket and HTTP API against the fake implementation as server.</summary>
public sealed class ForwardClientTests : IAsyncLifetime
{
    private const long SelfId = 7001;
    private FakeOneBotServer _implementation = null!;

    public async Task InitializeAsync() => _implementation = await FakeOneBotServer.StartAsync(SelfId, new FakeServerOptions { AccessToken = "fw" });

    public async Task DisposeAsync() => await _implementation.DisposeAsync();

    [Fact]
    public async Task ForwardWebSocket_Command_RepliesOverTheSameSocket()
    {
        await using var host = await BotHost.StartAsync(["--ws-url", _implementation.WebSocketUrl.AbsoluteUri, "--access-token", "fw", "--no-rate-limit"]);
        await _implementation.WaitForConnectionsAsync(1, BotHost.Timeout);
        await host.WaitForBotAsync(SelfId);

        await _implementation.SendEventAsync(FakeEvents.GroupMessage(SelfId, 31, 42, "add 4 4"));

        var call = await NextNonLoginCallAsync();
        Assert.Equal("send_msg", call.Action);
        Assert.Equal("websocket", call.Transport);
        Assert.Equal("8", call.MessageText);
    }

    [Fact]
    public async Task ForwardWebSocket_SplitRoles_EventsFromEventSocketRepliesOnApiSocket()
    {
        _implementation.Responder = call => call.Action == "get_login_info" ? ApiReply.Ok("""{"user_id":7001,"nickname":"bot"}""") : null;
        await using var host = await BotHost.StartAsync(
            ["--ws-url", _implementation.ApiWebSocketUrl.AbsoluteUri, "--ws-url", _implementation.EventWebSocketUrl.AbsoluteUri, "--access-token", "fw", "--no-rate-limit"]);
        await _implementation.WaitForConnectionsAsync(2, BotHost.Timeout);
        await WaitUntilAsync(() => host.Accounts.GetStatus().SingleOrDefault(a => a.SelfId == SelfId)?.Connections.Count == 2);

        await _implementation.SendEventAsync(FakeEvents.PrivateMessage(SelfId, 42, "add 6 6"));

        var call = await NextNonLoginCallAsync();
        Assert.Equal("12", call.MessageText);
        Assert.Equal(["forward/api", "forward/event"], host.Accounts.GetStatus().Single(a => a.SelfId == SelfId).Connections.Order());
    }

    [Fact]
    public async Task HttpApi_PerAccountRoot_IsUsedForThatAccountOnly()
    {
        await using var other = await FakeOneBotServer.StartAsync(7002);
        other.Responder = _ => ApiReply.Ok("""{"from":"own"}""");
        _implementation.Responder = _ => ApiReply.Ok("""{"from":"shared"}""");
        await using var host = await BotHost.StartAsync(["--api-root", _implementation.HttpApiRoot.AbsoluteUri, "--access-token", "fw"],
            builder => builder.Services.Configure<BotOptions>(options => options.Accounts[7002] = new CqBot.Hosting.AccountOptions { ApiRoot = other.HttpApiRoot, AccessToken = "" }));
        using var poster = new FakeOneBotPoster(host.BaseUrl, 7002, accessToken: "fw");
        await poster.PostAsync(FakeEvents.Heartbeat(7002, 5000));
        var ownBot = await host.WaitForBotAsync(7002);
        var sharedBot = await PostedAccountAsync(host);

        Assert.Equal("own", (await ownBot.CallAsync("get_status"))!.Value.GetProperty("from").GetString());
        Assert.Equal("shared", (await sharedBot.CallAsync("get_status"))!.Value.GetProperty("from").GetString());
    }

    [Fact]
    public async Task ForwardWebSocket_ServerDrops_Reconnects()
    {
        _implementation.Responder = call => call.Action == "get_login_info" ? ApiReply.Ok("""{"user_id":7001,"nickname":"bot"}""") : null;
        await using var host = await BotHost.StartAsync(["--ws-url", _implementation.WebSocketUrl.AbsoluteUri, "--access-token", "fw"], builder =>
        {
            builder.Services.Configure<BotOptions>(options => options.ReconnectDelay = TimeSpan.FromMilliseconds(50));
        });
        await _implementation.WaitForConnectionsAsync(1, BotHost.Timeout);
        var before = _implementation.Handshakes;

        _implementation.DropConnections();

        var deadline = DateTime.UtcNow + BotHost.Timeout;
        while ((_implementation.Handshakes == before || _implementation.ConnectionCount == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        Assert.Equal(1, _implementation.ConnectionCount);
        Assert.True(_implementation.Handshakes > before);
    }

    [Fact]
    public async Task ForwardWebSocket_WrongToken_KeepsRetryingWithoutConnecting()
    {
        await using var host = await BotHost.StartAsync(["--ws-url", _implementation.WebSocketUrl.AbsoluteUri, "--access-token", "wrong"], builder =>
        {
            builder.Services.Configure<BotOptions>(options => options.ReconnectDelay = TimeSpan.FromMilliseconds(20));
            builder.Services.Configure<BotOptions>(options => options.MaxReconnectDelay = TimeSpan.FromMilliseconds(40));
        });

        var deadline = DateTime.UtcNow + BotHost.Timeout;
        while (_implementation.Handshakes < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        Assert.True(_implementation.Handshakes >= 3);
        Assert.Equal(0, _implementation.ConnectionCount);
    }

    [Fact]
    public async Task HttpApi_Call_PostsActionWithBearerToken()
    {
        _implementation.Responder = _ => ApiReply.Ok("""{"user_id":7001,"nickname":"bot"}""");
        await using var host = await BotHost.StartAsync(["--api-root", _implementation.HttpApiRoot.AbsoluteUri, "--access-token", "fw"]);
        var bot = await PostedAccountAsync(host);

        var data = await bot.CallAsync("get_login_info");

        Assert.Equal("bot", data!.Value.GetProperty("nickname").GetString());
        var call = Assert.Single(_implementation.Calls);
        Assert.Equal("get_login_info", call.Action);
        Assert.Equal("http", call.Transport);
    }

    [Fact]
    public async Task HttpApi_StatusCode_ThrowsHttpFailedWithIt()
    {
        _implementation.Responder = _ => ApiReply.Status(404);
        await using var host = await BotHost.StartAsync(["--api-root", _implementation.HttpApiRoot.AbsoluteUri, "--access-token", "fw"]);
        var bot = await PostedAccountAsync(host);

        var error = await Assert.ThrowsAsync<HttpFailedException>(() => bot.CallAsync("no_such_action").AsTask());
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task HttpApi_WrongToken_ThrowsHttpFailed403()
    {
        await using var host = await BotHost.StartAsync(["--api-root", _implementation.HttpApiRoot.AbsoluteUri, "--access-token", "wrong"]);
        var bot = await PostedAccountAsync(host);

        var error = await Assert.ThrowsAsync<HttpFailedException>(() => bot.CallAsync("get_status").AsTask());
        Assert.Equal(403, error.StatusCode);
    }

    [Fact]
    public async Task HttpApi_FailedRetcode_ThrowsActionFailed()
    {
        _implementation.Responder = _ => ApiReply.Failed(102, "no permission");
        await using var host = await BotHost.StartAsync(["--api-root", _implementation.HttpApiRoot.AbsoluteUri, "--access-token", "fw"]);
        var bot = await PostedAccountAsync(host);

        var error = await Assert.ThrowsAsync<ActionFailedException>(() => bot.CallAsync("get_group_member_list").AsTask());
        Assert.Equal(102, error.RetCode);
    }

    [Fact]
    public async Task HttpApi_Unreachable_ThrowsNetworkError()
    {
        var root = _implementation.HttpApiRoot;
        await _implementation.DisposeAsync();
        _implementation = await FakeOneBotServer.StartAsync(SelfId);
        await using var host = await BotHost.StartAsync(["--api-root", root.AbsoluteUri]);
        var bot = await PostedAccountAsync(host);

        await Assert.ThrowsAsync<NetworkException>(() => bot.CallAsync("get_status").AsTask());
    }

    [Fact]
    public async Task HttpApi_NoAnswer_TimesOutWithNetworkError()
    {
        _implementation.Responder = _ => ApiReply.None;
        await using var host = await BotHost.StartAsync(["--api-root", _implementation.HttpApiRoot.AbsoluteUri, "--access-token", "fw", "--api-timeout", "0.2"]);
        var bot = await PostedAccountAsync(host);

        await Assert.ThrowsAsync<NetworkException>(() => bot.CallAsync("get_status").AsTask().WaitAsync(BotHost.Timeout));
    }

    [Fact]
    public async Task NoTransport_ApiCall_ThrowsApiNotAvailable()
    {
        await using var host = await BotHost.StartAsync();
        var bot = await PostedAccountAsync(host);

        await Assert.ThrowsAsync<ApiNotAvailableException>(() => bot.CallAsync("get_status").AsTask());
    }

    /// <summary>Makes the account known to the bot by posting a heartbeat, as an HTTP-only implementation would.</summary>
    private static async Task<IBot> PostedAccountAsync(BotHost host)
    {
        using var poster = new FakeOneBotPoster(host.BaseUrl, SelfId, accessToken: host.App.Options.AccessToken);
        await poster.PostAsync(FakeEvents.Heartbeat(SelfId, 5000));
        return await host.WaitForBotAsync(SelfId);
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

    private async Task<ApiCall> NextNonLoginCallAsync()
    {
        while (true)
        {
            var call = await _implementation.NextCallAsync(BotHost.Timeout);
            if (call.Action == "get_login_info")
            {
                await _implementation.RespondAsync(call, ApiReply.Ok("""{"user_id":7001,"nickname":"bot"}"""));
                continue;
            }
            await _implementation.RespondAsync(call, ApiReply.Ok());
            return call;
        }
    }
}
