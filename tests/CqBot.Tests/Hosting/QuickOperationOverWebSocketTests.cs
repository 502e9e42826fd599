using System.Text.Json;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

public sealed class QuickOperationOverWebSocketTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(["--no-rate-limit"]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FriendRequestApproved_OverWebSocket_CallsHandleQuickOperation()
    {
        using var listener = _host.App.On("request/friend", _ => QuickOperation.Approved());
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9401);

        await client.SendEventAsync(FakeEvents.FriendRequest(9401, 42, flag: "f-77"));

        var call = await client.NextCallAsync(BotHost.Timeout);
        Assert.Equal(".handle_quick_operation", call.Action);
        var context = call.Parameters.GetProperty("context");
        Assert.Equal("request", context.GetProperty("post_type").GetString());
        Assert.Equal("f-77", context.GetProperty("flag").GetString());
        Assert.True(call.Parameters.GetProperty("operation").GetProperty("approve").GetBoolean());
    }

    // go-cqhttp's quick operation drops the remark of an approval.
    [Fact]
    public async Task FriendRequestApprovedWithRemark_OverWebSocket_CallsSetFriendAddRequest()
    {
        using var listener = _host.App.On("request/friend", _ => QuickOperation.Approved("老朋友"));
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9405);

        await client.SendEventAsync(FakeEvents.FriendRequest(9405, 42, flag: "f-78"));

        var call = await client.NextCallAsync(BotHost.Timeout);
        Assert.Equal("set_friend_add_request", call.Action);
        Assert.Equal("f-78", call.GetString("flag"));
        Assert.True(call.Parameters.GetProperty("approve").GetBoolean());
        Assert.Equal("老朋友", call.GetString("remark"));
    }

    // OneBot v11 has quick operations for messages and requests only; implementations ignore them on notices.
    [Fact]
    public async Task NoticeReply_OverWebSocket_IsSentToTheGroupWithSendGroupMsg()
    {
        using var listener = _host.App.On<GroupIncreaseNotice>(notice => (QuickOperation)$"欢迎 {notice.UserId}");
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9406);

        await client.SendEventAsync(FakeEvents.GroupIncrease(9406, 555, 777));

        var call = await client.NextCallAsync(BotHost.Timeout);
        Assert.Equal("send_group_msg", call.Action);
        Assert.Equal(555, call.GetInt64("group_id"));
        Assert.Equal("欢迎 777", call.MessageText);
    }

    [Fact]
    public async Task ReplyWithAtSender_OverWebSocket_CallsHandleQuickOperationWithMessageContext()
    {
        using var listener = _host.App.On("message/group", _ => ValueTask.FromResult<QuickOperation?>(new QuickOperation { Reply = "收到", AtSender = true }));
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9402);

        await client.SendEventAsync(FakeEvents.GroupMessage(9402, 5, 42, "hello", messageId: 99));

        var call = await client.NextCallAsync(BotHost.Timeout);
        Assert.Equal(".handle_quick_operation", call.Action);
        var context = call.Parameters.GetProperty("context");
        Assert.Equal(99, context.GetProperty("message_id").GetInt64());
        Assert.Equal(5, context.GetProperty("group_id").GetInt64());
        Assert.Equal(42, context.GetProperty("sender").GetProperty("user_id").GetInt64());
        Assert.Equal(["user_id"], context.GetProperty("sender").EnumerateObject().Select(property => property.Name));
        Assert.False(context.TryGetProperty("message", out _));
        Assert.False(context.TryGetProperty("raw_message", out _));
        Assert.Equal(JsonValueKind.Null, context.GetProperty("anonymous").ValueKind);
        Assert.True(call.Parameters.GetProperty("operation").GetProperty("at_sender").GetBoolean());
    }

    [Fact]
    public async Task NoticeListener_WithoutOperation_CallsNothing()
    {
        var seen = new TaskCompletionSource<long>();
        using var listener = _host.App.On("notice/group_increase", session =>
        {
            seen.TrySetResult(session.Event.SelfId);
            return ValueTask.FromResult<QuickOperation?>(null);
        });
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9403);

        await client.SendEventAsync(FakeEvents.GroupIncrease(9403, 5, 42));

        Assert.Equal(9403, await seen.Task.WaitAsync(BotHost.Timeout));
        Assert.False(await client.AnyCallWithinAsync(TimeSpan.FromMilliseconds(200)));
    }
}
