using CqBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

/// <summary>A handler slower than the quick-operation window: 204 at once, the reply through the API.</summary>
public sealed class HttpPostSlowHandlerTests : IAsyncLifetime
{
    private FakeOneBotServer _implementation = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _implementation = await FakeOneBotServer.StartAsync(TestEvents.SelfId);
        _implementation.Responder = _ => ApiReply.Ok();
        _host = await BotHost.StartAsync(["--api-root", _implementation.HttpApiRoot.AbsoluteUri], builder => builder.Services.Configure<BotOptions>(options => options.QuickOperationWindow = TimeSpan.FromMilliseconds(100)));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _implementation.DisposeAsync();
    }

    [Fact]
    public async Task Post_HandlerSlowerThanWindow_Returns204ThenSendsReplyThroughHttpApi()
    {
        var release = new TaskCompletionSource();
        using var slow = _host.App.Use(async (session, next) =>
        {
            if (session.Content != "slow")
            {
                return await next();
            }
            await release.Task;
            return "finally";
        });
        using var poster = new FakeOneBotPoster(_host.BaseUrl, TestEvents.SelfId);

        var result = await poster.PostAsync(TestEvents.GroupMessageJson(555, 42, "slow")).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Empty(_implementation.Calls);
        release.SetResult();

        var deadline = DateTime.UtcNow + BotHost.Timeout;
        while (_implementation.Calls.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        var call = Assert.Single(_implementation.Calls);
        Assert.Equal("send_msg", call.Action);
        Assert.Equal("http", call.Transport);
        Assert.Equal(555, call.GetInt64("group_id"));
        Assert.Equal("finally", call.MessageText);
    }

    // go-cqhttp and NapCat ignore a quick operation on a notice: the welcome must go through the API.
    [Fact]
    public async Task Post_NoticeReply_Returns204AndSendsTheReplyThroughTheHttpApi()
    {
        using var welcome = _host.App.On<GroupIncreaseNotice>(notice => (QuickOperation)$"欢迎 {notice.UserId}");
        using var poster = new FakeOneBotPoster(_host.BaseUrl, TestEvents.SelfId);

        var result = await poster.PostAsync(FakeEvents.GroupIncrease(TestEvents.SelfId, 555, 777)).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        var call = await WaitForCallAsync();
        Assert.Equal("send_group_msg", call.Action);
        Assert.Equal(555, call.GetInt64("group_id"));
        Assert.Equal("欢迎 777", call.MessageText);
    }

    [Fact]
    public async Task Post_FriendApprovalWithRemark_Returns204AndCallsSetFriendAddRequest()
    {
        using var approve = _host.App.On<FriendRequest>(_ => QuickOperation.Approved("小王"));
        using var poster = new FakeOneBotPoster(_host.BaseUrl, TestEvents.SelfId);

        var result = await poster.PostAsync(FakeEvents.FriendRequest(TestEvents.SelfId, 42, flag: "f-9")).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        var call = await WaitForCallAsync();
        Assert.Equal("set_friend_add_request", call.Action);
        Assert.Equal("f-9", call.GetString("flag"));
        Assert.Equal("小王", call.GetString("remark"));
    }

    private async Task<ApiCall> WaitForCallAsync()
    {
        var deadline = DateTime.UtcNow + BotHost.Timeout;
        while (_implementation.Calls.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        return Assert.Single(_implementation.Calls);
    }
}
