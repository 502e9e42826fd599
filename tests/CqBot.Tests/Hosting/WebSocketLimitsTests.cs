using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using CqBot.Hosting;
using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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
        var call = await other.NextCallAsync(Timeout);
        Assert.Equal("5", call.MessageText);
        await other.RespondOkAsync(call);
    }

    [Fact]
    public async Task ForwardMessage_OverMaxBodySize_IsDroppedAndTheBotReconnects()
    {
        await using var implementation = await FakeOneBotServer.StartAsync(9111);
        implementation.Responder = call => call.Action == "get_login_info" ? ApiReply.Ok("""{"user_id":9111,"nickname":"bot"}""") : null;
        await using var host = await BotHost.StartAsync(["--ws-url", implementation.WebSocketUrl.AbsoluteUri, "--no-rate-limit", "--max-body-size", "4096"], builder =>
            builder.Services.Configure<BotOptions>(options => options.ReconnectDelay = TimeSpan.FromMilliseconds(50)));
        await implementation.WaitForConnectionsAsync(1, Timeout);
        var json = FakeEvents.PrivateMessage(9111, 42, "add 2 3", messageId: 1);

        await implementation.SendEventAsync(json + new string(' ', 8192));

        // The oversized event got no answer; the bot closed that socket and connected again.
        await WaitUntilAsync(() => implementation.Handshakes >= 2);
        await implementation.WaitForConnectionsAsync(1, Timeout);
        await implementation.SendEventAsync(FakeEvents.PrivateMessage(9111, 42, "add 3 4", messageId: 2));
        var call = await implementation.NextCallAsync(Timeout);
        Assert.Equal("7", call.MessageText);
        await implementation.RespondAsync(call, ApiReply.Ok());
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

        var call = await client.NextCallAsync(Timeout);
        Assert.Equal("5", call.MessageText);
        await client.RespondOkAsync(call);
    }

    [Fact]
    public async Task Messages_OfSeveralMegabytes_AreHandledAndTheSocketGoesOnWithSmallOnes()
    {
        await using var host = await BotHost.StartAsync(["--no-rate-limit"]);
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9104);
        var json = FakeEvents.PrivateMessage(9104, 42, "add 2 3", messageId: 1);

        // Past the pooled buffers' largest size, the message is received into native memory.
        await client.SendEventAsync(json + new string(' ', 5 * 1024 * 1024));
        var large = await client.NextCallAsync(Timeout);
        await client.RespondOkAsync(large);
        await client.SendEventAsync(FakeEvents.PrivateMessage(9104, 42, "add 3 4", messageId: 2));
        var small = await client.NextCallAsync(Timeout);
        await client.RespondOkAsync(small);
        await client.SendEventAsync(FakeEvents.PrivateMessage(9104, 42, "add 4 5", messageId: 3) + new string(' ', 3 * 1024 * 1024));
        var again = await client.NextCallAsync(Timeout);
        await client.RespondOkAsync(again);

        Assert.Equal(["5", "7", "9"], [large.MessageText, small.MessageText, again.MessageText]);
    }

    [Fact]
    public async Task Calls_OnOneSocket_AnsweredTimedOutAndCancelled_EachEndAsTheirOwnAndTheSocketGoesOn()
    {
        await using var host = await BotHost.StartAsync(["--no-rate-limit"], builder =>
            builder.Services.Configure<BotOptions>(options => options.ApiTimeout = TimeSpan.FromMilliseconds(500)));
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9105);
        client.Responder = call => call.Action == "get_status" ? ApiReply.Ok() : null;
        var bot = await host.WaitForBotAsync(9105);

        // Answered calls give their deadline back to the socket; a later call still times out on its own.
        for (var i = 0; i < 50; i++)
        {
            await bot.CallAsync("get_status").AsTask().WaitAsync(Timeout);
        }
        var unanswered = await Assert.ThrowsAsync<NetworkException>(() => bot.CallAsync("get_version_info").AsTask().WaitAsync(Timeout));
        Assert.Contains("no response within 0.5 s", unanswered.Message, StringComparison.Ordinal);
        using var giveUp = new CancellationTokenSource();
        var waiting = bot.CallAsync("get_version_info", cancellationToken: giveUp.Token).AsTask();
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Timeout));
        var sentBefore = client.Calls.Count;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bot.CallAsync("send_private_msg", new JsonObject { ["user_id"] = 42, ["message"] = "late" }, giveUp.Token).AsTask());
        await bot.CallAsync("get_status").AsTask().WaitAsync(Timeout);

        // The call made after its caller gave up sent nothing.
        Assert.DoesNotContain(client.Calls.Skip(sentBefore), call => call.Action == "send_private_msg");
    }

    [Fact]
    public async Task Call_PeerStopsReading_FailsWithinApiTimeoutAndClosesOnlyThatSocket()
    {
        await using var host = await BotHost.StartAsync(["--no-rate-limit"], builder =>
            builder.Services.Configure<BotOptions>(options => options.ApiTimeout = TimeSpan.FromSeconds(2)));
        // Connects as a universal client, then never reads: the server's buffers fill and its sends stall.
        using var stalled = await RawWebSocketClient.ConnectAsync(host.Universal, new Dictionary<string, string> { ["X-Self-ID"] = "9201" }, receiveBufferSize: 4096);
        Assert.Equal(101, stalled.Status);
        var bot = await host.WaitForBotAsync(9201);
        await using var healthy = await FakeOneBotClient.ConnectAsync(host.Universal, 9202);
        healthy.Responder = _ => ApiReply.Ok();
        var other = await host.WaitForBotAsync(9202);
        var text = new string('x', 256 * 1024);

        // 8 MiB in all: more than the socket buffers and Kestrel's output buffer hold.
        var calls = Enumerable.Range(0, 32)
            .Select(_ => bot.CallAsync("send_private_msg", new JsonObject { ["user_id"] = 42, ["message"] = text }).AsTask())
            .ToArray();
        await other.CallAsync("get_status").AsTask().WaitAsync(Timeout);
        await Record.ExceptionAsync(() => Task.WhenAll(calls)).WaitAsync(Timeout);

        Assert.All(calls, call => Assert.IsType<NetworkException>(call.Exception?.InnerException));
        Assert.Contains(calls, call => call.Exception!.InnerException!.Message.Contains("not reading", StringComparison.Ordinal));
        Assert.True(await stalled.ReadUntilClosedAsync(Timeout));
        await WaitUntilAsync(() => host.Accounts.GetStatus().Single(a => a.SelfId == 9201).Connections.Count == 0);
        await other.CallAsync("get_status").AsTask().WaitAsync(Timeout);
    }

    [Fact]
    public async Task Calls_PeerStopsReading_AFullOutboundQueueClosesTheSocketBeforeTheTimeout()
    {
        // Only the queue's bound can close the socket here: the calls' timeout is far away.
        await using var host = await BotHost.StartAsync(["--no-rate-limit"], builder =>
            builder.Services.Configure<BotOptions>(options => options.ApiTimeout = TimeSpan.FromMinutes(10)));
        using var stalled = await RawWebSocketClient.ConnectAsync(host.Universal, new Dictionary<string, string> { ["X-Self-ID"] = "9203" }, receiveBufferSize: 4096);
        Assert.Equal(101, stalled.Status);
        var bot = await host.WaitForBotAsync(9203);

        // A frame far larger than the socket buffers gets stuck going out; the calls after it queue.
        var stuck = bot.CallAsync("send_private_msg", new JsonObject { ["user_id"] = 42, ["message"] = new string('x', 16 * 1024 * 1024) }).AsTask();
        await Task.Delay(200);
        var calls = Enumerable.Range(0, CqBot.Hosting.WebSockets.OneBotWebSocket.MaxQueuedFrames + 1)
            .Select(_ => bot.CallAsync("send_private_msg", new JsonObject { ["user_id"] = 42, ["message"] = "hi" }).AsTask())
            .Append(stuck)
            .ToArray();
        await Record.ExceptionAsync(() => Task.WhenAll(calls)).WaitAsync(Timeout);

        // Those queued fail as the socket closes; those made after it find the account without an API socket.
        var failures = calls.Select(call => call.Exception?.InnerException).ToList();
        Assert.True(failures.All(failure => failure is NetworkException or ApiNotAvailableException), string.Join(", ", failures.Select(f => f?.GetType().Name ?? "none").Distinct()));
        Assert.Contains(failures, failure => failure!.Message.Contains("frames were waiting to be sent", StringComparison.Ordinal));
        await WaitUntilAsync(() => host.Accounts.GetStatus().Single(a => a.SelfId == 9203).Connections.Count == 0);
    }

    // The account forgets a socket just after the socket ends, so a test that saw the end waits a moment for it.
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
