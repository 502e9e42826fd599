using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

/// <summary>Frames that break RFC 6455 are answered with the close code it names, never with a bare reset.</summary>
public sealed class WebSocketProtocolErrorTests : IAsyncLifetime
{
    private const int ProtocolError = 1002;
    private const int InvalidPayloadData = 1007;
    private static readonly byte[] ValidJson = "{}"u8.ToArray();
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(["--no-rate-limit"]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TextMessage_InvalidUtf8_ClosesWith1007()
    {
        // A lone continuation byte inside otherwise ordinary JSON.
        Assert.Equal(InvalidPayloadData, await SendAndReadCloseAsync(0x81, [(byte)'"', 0x80, (byte)'"'], masked: true));
    }

    [Fact]
    public async Task TextMessage_InvalidUtf8SplitOverFrames_ClosesWith1007()
    {
        using var socket = await ConnectAsync(9402);
        // 0xC3 starts a two-byte sequence; the next frame goes on with '(' instead of a continuation byte.
        await socket.SendFrameAsync(0x01, [(byte)'"', 0xC3]);
        await socket.SendFrameAsync(0x80, [(byte)'(', (byte)'"']);

        Assert.Equal(InvalidPayloadData, await socket.ReadCloseStatusAsync(BotHost.Timeout));
    }

    [Fact]
    public async Task Frame_Unmasked_ClosesWith1002()
    {
        Assert.Equal(ProtocolError, await SendAndReadCloseAsync(0x81, ValidJson, masked: false));
    }

    [Fact]
    public async Task Frame_ReservedBitSet_ClosesWith1002()
    {
        Assert.Equal(ProtocolError, await SendAndReadCloseAsync(0xC1, ValidJson, masked: true));
    }

    [Fact]
    public async Task Frame_ReservedOpcode_ClosesWith1002()
    {
        Assert.Equal(ProtocolError, await SendAndReadCloseAsync(0x83, ValidJson, masked: true));
    }

    [Fact]
    public async Task AfterProtocolError_BotServesAnotherConnection()
    {
        await SendAndReadCloseAsync(0x83, ValidJson, masked: true);

        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9409);
        await client.SendEventAsync(FakeEvents.PrivateMessage(9409, 42, "add 2 3"));
        Assert.Equal("5", (await client.NextCallAsync(BotHost.Timeout)).MessageText);
    }

    [Fact]
    public async Task MaskedFrames_OfEveryLengthForm_AreAllHandled()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9410);
        // Payload lengths in 7 bits, in 16 bits (126) and in 64 bits (127), in one stream of frames.
        foreach (var (size, id) in new[] { (0, 1L), (1000, 2L), (70_000, 3L) })
        {
            var json = FakeEvents.PrivateMessage(9410, 42, "add 2 3", id);
            await client.SendEventAsync(json + new string(' ', Math.Max(0, size - json.Length)));
        }

        for (var i = 0; i < 3; i++)
        {
            var call = await client.NextCallAsync(BotHost.Timeout);
            Assert.Equal("5", call.MessageText);
            await client.RespondOkAsync(call);
        }
    }

    private async Task<int?> SendAndReadCloseAsync(byte firstByte, byte[] payload, bool masked)
    {
        using var socket = await ConnectAsync(9401);
        await socket.SendFrameAsync(firstByte, payload, masked);
        return await socket.ReadCloseStatusAsync(BotHost.Timeout);
    }

    private async Task<RawWebSocketClient> ConnectAsync(long selfId)
    {
        var socket = await RawWebSocketClient.ConnectAsync(_host.Universal, new Dictionary<string, string> { ["X-Self-ID"] = selfId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(101, socket.Status);
        return socket;
    }
}
