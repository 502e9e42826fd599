using System.Net;
using System.Net.WebSockets;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

public sealed class ReverseWebSocketAuthTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(["--access-token", "s3cret"]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Token")]
    [InlineData("bearer")]
    public async Task Connect_TokenInHeader_IsAccepted(string scheme)
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 6001, new FakeClientOptions { AccessToken = "s3cret", TokenScheme = scheme });
        Assert.NotNull(await _host.WaitForBotAsync(6001));
    }

    [Fact]
    public async Task Connect_TokenInQuery_IsAccepted()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 6002, new FakeClientOptions { AccessToken = "s3cret", TokenInQuery = true });
        Assert.NotNull(await _host.WaitForBotAsync(6002));
    }

    [Fact]
    public async Task Connect_NoToken_IsRefusedWith401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await HandshakeStatusAsync(null));
    }

    [Fact]
    public async Task Connect_WrongToken_IsRefusedWith403()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await HandshakeStatusAsync("Bearer nope"));
    }

    [Fact]
    public async Task Connect_UnknownScheme_CountsAsMissing()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await HandshakeStatusAsync("Basic s3cret"));
    }

    private async Task<HttpStatusCode> HandshakeStatusAsync(string? authorization)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("X-Self-ID", "6009");
        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization);
        }
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_host.Universal, CancellationToken.None));
        return socket.HttpStatusCode;
    }
}
