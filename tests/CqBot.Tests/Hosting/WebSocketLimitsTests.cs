using System.Net.WebSockets;
using System.Text;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

public sealed class WebSocketLimitsTests
{
    private static readonly TimeSpan Timeout = BotHost.Timeout;

    [Fact]
    public async Task Message_OverMaxBodySizeInSeveralFrames_ClosesWith1009AndBotServesOthers()
    {
        await using var host = await BotHost.StartAsync(["--no-rate-limit", "--max-body-size", "4096"]);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Self-ID", "9101");
        await socket.ConnectAsync(host.Universal, CancellationToken.None);
        var receiving = socket.ReceiveAsync(new byte[256], CancellationToken.None);
        var piece = Encoding.UTF8.GetBytes(new string('a', 1024));

        // 64 KiB announced in 1 KiB frames, never finished: the server must not wait for the end.
        for (var i = 0; i < 64 && !receiving.IsCompleted; i++)
        {
            try
            {
                await socket.SendAsync(piece, WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                break;
            }
        }

        var result = await receiving.WaitAsync(Timeout);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, result.CloseStatus);
        await using var other = await FakeOneBotClient.ConnectAsync(host.Universal, 9102);
        await other.SendEventAsync(FakeEvents.PrivateMessage(9102, 42, "add 2 3"));
        Assert.Equal("5", (await other.NextCallAsync(Timeout)).MessageText);
    }

    [Fact]
    public async Task Message_AtMaxBodySize_IsHandled()
    {
        await using var host = await BotHost.StartAsync(["--no-rate-limit", "--max-body-size", "4096"]);
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9103);
        var json = FakeEvents.PrivateMessage(9103, 42, "add 2 3");
        // Pad the event with spaces up to exactly the limit.
        var padded = json + new string(' ', 4096 - Encoding.UTF8.GetByteCount(json));

        await client.SendEventAsync(padded);

        Assert.Equal("5", (await client.NextCallAsync(Timeout)).MessageText);
    }
}
