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
}
