using System.Net;
using System.Net.WebSockets;
using CqBot.Hosting;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

/// <summary>With <see cref="ConnectionReplacement.FirstWinsWhileAlive"/>, an open connection cannot be taken over.</summary>
public sealed class ConnectionReplacementTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = BotHost.Timeout;
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(["--no-rate-limit"], builder =>
        builder.Configuration["CqBot:ConnectionReplacement"] = "FirstWinsWhileAlive");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Connect_SecondOfSameRole_IsRefusedWith409_AndFirstKeepsWorking()
    {
        await using var first = await FakeOneBotClient.ConnectAsync(_host.Universal, 7401);
        await _host.WaitForBotAsync(7401);

        Assert.Equal(HttpStatusCode.Conflict, await AccountIsolationTests.HandshakeStatusAsync(_host.Universal, 7401, null));

        await first.SendEventAsync(FakeEvents.GroupMessage(7401, 77, 42, "add 2 3"));
        Assert.Equal("5", (await first.NextCallAsync(Timeout)).MessageText);
        Assert.False(first.Closed.IsCompleted);
    }

    [Fact]
    public async Task Connect_UniversalWhileApiSocketIsOpen_IsRefusedWith409()
    {
        using var api = await AccountIsolationTests.ConnectRawAsync(_host.Api, 7402, null);
        await _host.WaitForBotAsync(7402);

        Assert.Equal(HttpStatusCode.Conflict, await AccountIsolationTests.HandshakeStatusAsync(_host.Universal, 7402, null));
    }

    [Fact]
    public async Task Connect_ApiWhileUniversalSocketIsOpen_IsRefusedWith409()
    {
        await using var universal = await FakeOneBotClient.ConnectAsync(_host.Universal, 7403);
        await _host.WaitForBotAsync(7403);

        Assert.Equal(HttpStatusCode.Conflict, await AccountIsolationTests.HandshakeStatusAsync(_host.Api, 7403, null));
    }

    [Fact]
    public async Task Connect_ApiAndEventSockets_BothAccepted()
    {
        await using var client = await FakeOneBotClient.ConnectSplitAsync(_host.Api, _host.Event, 7404);
        await _host.WaitForBotAsync(7404);

        await client.SendEventAsync(FakeEvents.GroupMessage(7404, 77, 42, "add 2 3"));

        Assert.Equal("5", (await client.NextCallAsync(Timeout)).MessageText);
    }

    [Fact]
    public async Task Connect_AfterFirstClosed_IsAccepted()
    {
        var first = await FakeOneBotClient.ConnectAsync(_host.Universal, 7405);
        await _host.WaitForBotAsync(7405);
        await first.DisposeAsync();
        await AccountIsolationTests.WaitUntilAsync(() => _host.Accounts.GetStatus().Single(a => a.SelfId == 7405).Connections.Count == 0);

        await using var second = await FakeOneBotClient.ConnectAsync(_host.Universal, 7405);
        await second.SendEventAsync(FakeEvents.GroupMessage(7405, 77, 42, "add 1 1"));

        Assert.Equal("2", (await second.NextCallAsync(Timeout)).MessageText);
    }

    [Fact]
    public async Task Connect_ManyAtOnce_ExactlyOneStaysAttached()
    {
        var sockets = Enumerable.Range(0, 8).Select(_ => new ClientWebSocket()).ToArray();
        try
        {
            var open = 0;
            await Task.WhenAll(sockets.Select(async socket =>
            {
                socket.Options.SetRequestHeader("X-Self-ID", "7406");
                try
                {
                    await socket.ConnectAsync(_host.Universal, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    return; // 409 at the handshake.
                }
                Interlocked.Increment(ref open);
                // A socket that lost the race after its handshake is closed at once.
                _ = socket.ReceiveAsync(new byte[256], CancellationToken.None).ContinueWith(_ => Interlocked.Decrement(ref open), TaskScheduler.Default);
            }));

            await AccountIsolationTests.WaitUntilAsync(() => Volatile.Read(ref open) == 1);
            Assert.Single(_host.Accounts.GetStatus().Single(a => a.SelfId == 7406).Connections);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Abort();
                socket.Dispose();
            }
        }
    }
}
