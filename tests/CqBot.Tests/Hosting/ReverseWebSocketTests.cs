using System.Net;
using System.Net.WebSockets;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

public sealed class ReverseWebSocketTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = BotHost.Timeout;
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(["--no-rate-limit"]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GroupCommand_OverUniversalSocket_SendsSendMsgToThatGroup()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, TestEvents.SelfId);
        await client.SendEventAsync(TestEvents.GroupMessageJson(123456, 42, "add 20 22"));

        var call = await client.NextCallAsync(Timeout);
        Assert.Equal("send_msg", call.Action);
        Assert.Equal("group", call.GetString("message_type"));
        Assert.Equal(123456, call.GetInt64("group_id"));
        Assert.Equal("42", call.MessageText);
        Assert.NotNull(call.Echo);
        await client.RespondOkAsync(call);
    }

    [Fact]
    public async Task Middleware_PingOverSocket_AnswersPong()
    {
        using var registration = _host.App.Use(async (session, next) => session.Content == "ping" ? "pong" : await next());
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, TestEvents.SelfId);
        await client.SendEventAsync(TestEvents.PrivateMessageJson(42, "ping"));

        var call = await client.NextCallAsync(Timeout);
        Assert.Equal("private", call.GetString("message_type"));
        Assert.Equal("pong", call.MessageText);
    }

    [Fact]
    public async Task SplitRoles_EventOnEventSocket_ReplyArrivesOnApiSocket()
    {
        await using var client = await FakeOneBotClient.ConnectSplitAsync(_host.Api, _host.Event, 3001);
        await _host.WaitForBotAsync(3001);
        await client.SendEventAsync(FakeEvents.GroupMessage(3001, 77, 42, "add 2 3"));

        var call = await client.NextCallAsync(Timeout);
        Assert.Equal("5", call.MessageText);
        Assert.Equal(["reverse/api", "reverse/event"], _host.Accounts.GetStatus().Single(a => a.SelfId == 3001).Connections.Order());
    }

    [Fact]
    public async Task EventOnlySocket_ApiCall_ThrowsApiNotAvailable()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Self-ID", "3002");
        socket.Options.SetRequestHeader("X-Client-Role", "event");
        await socket.ConnectAsync(_host.Event, CancellationToken.None);
        var bot = await _host.WaitForBotAsync(3002);

        await Assert.ThrowsAsync<ApiNotAvailableException>(() => bot.CallAsync("get_status").AsTask());
    }

    [Fact]
    public async Task RoleHeader_LowerCase_IsUnderstood()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Self-ID", "3003");
        socket.Options.SetRequestHeader("X-Client-Role", "universal");
        await socket.ConnectAsync(_host.Api, CancellationToken.None);
        await _host.WaitForBotAsync(3003);

        Assert.Equal(["reverse/universal"], _host.Accounts.GetStatus().Single(a => a.SelfId == 3003).Connections);
    }

    [Fact]
    public async Task RoleHeader_Missing_OnUniversalPath_MeansUniversal()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 3004, new FakeClientOptions { OmitRole = true });
        await _host.WaitForBotAsync(3004);

        Assert.Equal(["reverse/universal"], _host.Accounts.GetStatus().Single(a => a.SelfId == 3004).Connections);
    }

    [Fact]
    public async Task TwoAccounts_InOneGroup_TheFirstToSeeItAnswers_TheOtherOnlyWhenMentioned()
    {
        await using var first = await FakeOneBotClient.ConnectAsync(_host.Universal, 4011);
        await using var second = await FakeOneBotClient.ConnectAsync(_host.Universal, 4012);
        await _host.WaitForBotAsync(4011);
        await _host.WaitForBotAsync(4012);
        await first.SendEventAsync(FakeEvents.GroupMessage(4011, 77, 42, "add 1 1"));
        var assigned = await first.NextCallAsync(Timeout);
        await first.RespondOkAsync(assigned);

        // Both accounts receive the group's next message; only the assignee answers it.
        await second.SendEventAsync(FakeEvents.GroupMessage(4012, 77, 43, "add 2 2", messageId: 8));
        await first.SendEventAsync(FakeEvents.GroupMessage(4011, 77, 43, "add 2 2", messageId: 8));
        var answered = await first.NextCallAsync(Timeout);
        await first.RespondOkAsync(answered);
        var unanswered = await second.AnyCallWithinAsync(TimeSpan.FromMilliseconds(200));

        var mention = FakeEvents.GroupMessage(4012, 77, 43, " add 3 3", messageId: 9)
            .Replace("\"message\":[", "\"message\":[{\"type\":\"at\",\"data\":{\"qq\":\"4012\"}},", StringComparison.Ordinal);
        await second.SendEventAsync(mention);
        var mentioned = await second.NextCallAsync(Timeout);
        await second.RespondOkAsync(mentioned);

        Assert.Equal(["2", "4", "6"], [assigned.MessageText, answered.MessageText, mentioned.MessageText]);
        Assert.False(unanswered);
    }

    [Fact]
    public async Task TwoAccounts_AtOnce_RepliesGoToTheAccountThatReceived()
    {
        await using var first = await FakeOneBotClient.ConnectAsync(_host.Universal, 4001);
        await using var second = await FakeOneBotClient.ConnectAsync(_host.Universal, 4002);
        // Groups of their own: in a group both are in, the account that saw it first answers (see the next test).
        await second.SendEventAsync(FakeEvents.GroupMessage(4002, 1, 42, "add 1 1"));
        await first.SendEventAsync(FakeEvents.GroupMessage(4001, 2, 42, "add 5 5"));

        Assert.Equal("2", (await second.NextCallAsync(Timeout)).MessageText);
        Assert.Equal("10", (await first.NextCallAsync(Timeout)).MessageText);
        Assert.False(await first.AnyCallWithinAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Reconnect_SameSelfId_ClosesOldSocketAndFailsItsPendingCall()
    {
        var old = await FakeOneBotClient.ConnectAsync(_host.Universal, 5001);
        var bot = await _host.WaitForBotAsync(5001);
        var pending = bot.CallAsync("get_status").AsTask();
        await old.NextCallAsync(Timeout);

        await using var fresh = await FakeOneBotClient.ConnectAsync(_host.Universal, 5001);

        await Assert.ThrowsAsync<NetworkException>(() => pending.WaitAsync(Timeout));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await old.Closed.WaitAsync(Timeout));
        await old.DisposeAsync();
    }

    [Fact]
    public async Task Reconnect_SameSelfId_NewCallsGoToTheNewSocket()
    {
        await using var old = await FakeOneBotClient.ConnectAsync(_host.Universal, 5002);
        await using var fresh = await FakeOneBotClient.ConnectAsync(_host.Universal, 5002);
        await old.Closed.WaitAsync(Timeout);
        var bot = await _host.WaitForBotAsync(5002);

        var pending = bot.CallAsync("get_status").AsTask();
        var call = await fresh.NextCallAsync(Timeout);
        await fresh.RespondOkAsync(call, """{"online":true}""");

        Assert.True((await pending)!.Value.GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task Reconnect_EventsOnBothSockets_EachHandledOnce()
    {
        var handled = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var recorder = _host.App.Use((session, _) =>
        {
            handled.Enqueue(session.Content);
            return ValueTask.FromResult<Message?>(null);
        });
        await using var old = await FakeOneBotClient.ConnectAsync(_host.Universal, 5003);
        await old.SendEventAsync(FakeEvents.GroupMessage(5003, 1, 42, "before"));
        await using var fresh = await FakeOneBotClient.ConnectAsync(_host.Universal, 5003);
        await fresh.SendEventAsync(FakeEvents.GroupMessage(5003, 1, 42, "after"));

        var deadline = DateTime.UtcNow + Timeout;
        while (handled.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        await Task.Delay(200);
        Assert.Equal(["after", "before"], handled.Order());
    }

    [Fact]
    public async Task ApiCall_ResponseMatchedByEcho_ReturnsItsData()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 2002);
        var bot = await _host.WaitForBotAsync(2002);

        var first = bot.CallAsync("get_login_info").AsTask();
        var second = bot.CallAsync("get_status").AsTask();
        var callA = await client.NextCallAsync(Timeout);
        var callB = await client.NextCallAsync(Timeout);
        // Answer out of order: only the echo may pair them.
        await client.RespondOkAsync(callB, "{\"which\":\"" + callB.Action + "\"}");
        await client.RespondOkAsync(callA, "{\"which\":\"" + callA.Action + "\"}");

        Assert.Equal("get_login_info", (await first)!.Value.GetProperty("which").GetString());
        Assert.Equal("get_status", (await second)!.Value.GetProperty("which").GetString());
    }

    [Fact]
    public async Task ApiCall_FailedStatus_ThrowsActionFailedWithRetcode()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 2003);
        var bot = await _host.WaitForBotAsync(2003);
        var pending = bot.CallAsync("delete_msg").AsTask();
        await client.RespondAsync(await client.NextCallAsync(Timeout), ApiReply.Failed(100, "消息不存在"));

        var error = await Assert.ThrowsAsync<ActionFailedException>(() => pending);
        Assert.Equal(100, error.RetCode);
        Assert.Equal("消息不存在", error.Wording);
    }

    [Fact]
    public async Task ApiCall_ConnectionDrops_FailsAtOnceWithNetworkError()
    {
        var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 2004);
        var bot = await _host.WaitForBotAsync(2004);
        var pending = bot.CallAsync("get_status").AsTask();
        await client.NextCallAsync(Timeout);
        client.Abort();

        await Assert.ThrowsAsync<NetworkException>(() => pending.WaitAsync(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task ApiCall_AfterLastSocketClosed_ThrowsApiNotAvailable()
    {
        var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 2005);
        var bot = await _host.WaitForBotAsync(2005);
        await client.DisposeAsync();
        var deadline = DateTime.UtcNow + Timeout;
        while (_host.Accounts.GetStatus().Single(a => a.SelfId == 2005).Connections.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await Assert.ThrowsAsync<ApiNotAvailableException>(() => bot.CallAsync("get_status").AsTask());
    }

    [Fact]
    public async Task MalformedFrame_IsSkipped_AndLaterEventsStillHandled()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, TestEvents.SelfId);
        await client.SendEventAsync("{not json");
        await client.SendEventAsync("[1,2,3]");
        await client.SendEventAsync("{\"post_type\":\"message\"}");
        await client.SendEventAsync("{\"post_type\":\"message\",\"time\":}");
        await client.SendEventAsync("{\"post_type\":\"message\",\"raw_message\":\"\\udc00\"}");
        await client.SendEventAsync(TestEvents.GroupMessageJson(1, 2, "add 1 1"));

        var call = await client.NextCallAsync(Timeout);
        Assert.Equal("2", call.MessageText);
    }

    [Fact]
    public async Task Connect_UnknownRole_IsRefusedWith400()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("X-Self-ID", "3005");
        socket.Options.SetRequestHeader("X-Client-Role", "Observer");

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_host.Universal, CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Connect_WithoutSelfId_IsRefusedWith400()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_host.Universal, CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }
}
