using System.Net;
using CqBot.Hosting;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

/// <summary>With <see cref="BotOptions.ConfiguredAccountsOnly"/>, other QQ numbers are refused.</summary>
public sealed class ConfiguredAccountsOnlyTests : IAsyncLifetime
{
    private const long Configured = 7601;
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(["--no-rate-limit"], builder =>
    {
        builder.Configuration["CqBot:ConfiguredAccountsOnly"] = "true";
        builder.Configuration[$"CqBot:Accounts:{Configured}:ApiRoot"] = "http://127.0.0.1:9/";
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task HttpPost_UnconfiguredAccount_IsRefusedWith403()
    {
        using var poster = new FakeOneBotPoster(_host.BaseUrl, 7602);

        var result = await poster.PostAsync(FakeEvents.Heartbeat(7602, 5000));

        Assert.Equal(HttpStatusCode.Forbidden, result.StatusCode);
        Assert.Null(_host.Accounts.Find(7602));
    }

    [Fact]
    public async Task HttpPost_ConfiguredAccount_IsHandled()
    {
        using var poster = new FakeOneBotPoster(_host.BaseUrl, Configured);

        var result = await poster.PostAsync(FakeEvents.Heartbeat(Configured, 5000));

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.NotNull(_host.Accounts.Find(Configured));
    }

    [Fact]
    public async Task Connect_UnconfiguredAccount_IsRefusedWith403()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await AccountIsolationTests.HandshakeStatusAsync(_host.Universal, 7603, null));
        Assert.Null(_host.Accounts.Find(7603));
    }

    [Fact]
    public async Task Connect_ConfiguredAccount_IsAccepted()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, Configured);

        Assert.NotNull(await _host.WaitForBotAsync(Configured));
    }
}
