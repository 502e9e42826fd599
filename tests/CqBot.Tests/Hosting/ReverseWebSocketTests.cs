using System.Net.WebSockets;
using CqBot.Hosting;
using CqBot.Tests.Commands;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CqBot.Tests.Hosting;

public sealed class ReverseWebSocketTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private BotApplication _app = null!;
    private Uri _universal = null!;

    public async Task InitializeAsync()
    {
        var builder = BotApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IGreetingSource, FixedGreeting>();
        _app = builder.Build();
        await _app.StartAsync();
        _universal = new Uri(_app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + "/ws/");
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task GroupCommand_OverUniversalSocket_SendsSendMsgToThatGroup()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_universal, TestEvents.SelfId);
        await client.SendAsync(TestEvents.GroupMessageJson(123456, 42, "add 20 22"));

        var call = await client.NextCallAsync(Timeout);
        Assert.Equal("send_msg", call.GetProperty("action").GetString());
        var parameters = call.GetProperty("params");
        Assert.Equal("group", parameters.GetProperty("message_type").GetString());
        Assert.Equal(123456, parameters.GetProperty("group_id").GetInt64());
        Assert.Equal("42", TextOf.Message(parameters.GetProperty("message")));
        Assert.True(call.TryGetProperty("echo", out _));
        await client.RespondOkAsync(call);
    }

    [Fact]
    public async Task Middleware_PingOverSocket_AnswersPong()
    {
        using var registration = _app.Use(async (session, next) => session.Content == "ping" ? "pong" : await next());
        await using var client = await FakeOneBotClient.ConnectAsync(_universal, TestEvents.SelfId);
        await client.SendAsync(TestEvents.PrivateMessageJson(42, "ping"));

        var call = await client.NextCallAsync(Timeout);
        Assert.Equal("private", call.GetProperty("params").GetProperty("message_type").GetString());
        Assert.Equal("pong", TextOf.Message(call.GetProperty("params").GetProperty("message")));
    }

    [Fact]
    public async Task ApiCall_ResponseMatchedByEcho_ReturnsItsData()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_universal, 2002);
        var bot = await WaitForBotAsync(2002);

        var first = bot.CallAsync("get_login_info").AsTask();
        var second = bot.CallAsync("get_status").AsTask();
        var callA = await client.NextCallAsync(Timeout);
        var callB = await client.NextCallAsync(Timeout);
        // Answer out of order: only the echo may pair them.
        await client.RespondOkAsync(callB, "{\"which\":\"" + callB.GetProperty("action").GetString() + "\"}");
        await client.RespondOkAsync(callA, "{\"which\":\"" + callA.GetProperty("action").GetString() + "\"}");

        Assert.Equal("get_login_info", (await first)!.Value.GetProperty("which").GetString());
        Assert.Equal("get_status", (await second)!.Value.GetProperty("which").GetString());
    }

    [Fact]
    public async Task ApiCall_FailedStatus_ThrowsActionFailedWithRetcode()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_universal, 2003);
        var bot = await WaitForBotAsync(2003);
        var pending = bot.CallAsync("delete_msg").AsTask();
        var call = await client.NextCallAsync(Timeout);
        await client.SendAsync($$"""{"status":"failed","retcode":100,"data":null,"wording":"消息不存在","echo":{{call.GetProperty("echo").GetRawText()}}}""");

        var error = await Assert.ThrowsAsync<ActionFailedException>(() => pending);
        Assert.Equal(100, error.RetCode);
        Assert.Equal("消息不存在", error.Wording);
    }

    [Fact]
    public async Task ApiCall_ConnectionDrops_FailsAtOnceWithNetworkError()
    {
        var client = await FakeOneBotClient.ConnectAsync(_universal, 2004);
        var bot = await WaitForBotAsync(2004);
        var pending = bot.CallAsync("get_status").AsTask();
        await client.NextCallAsync(Timeout);
        await client.DisposeAsync();

        await Assert.ThrowsAsync<NetworkException>(() => pending.WaitAsync(Timeout));
    }

    [Fact]
    public async Task MalformedFrame_IsSkipped_AndLaterEventsStillHandled()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_universal, TestEvents.SelfId);
        await client.SendAsync("{not json");
        await client.SendAsync("[1,2,3]");
        await client.SendAsync("{\"post_type\":\"message\"}");
        await client.SendAsync(TestEvents.GroupMessageJson(1, 2, "add 1 1"));

        var call = await client.NextCallAsync(Timeout);
        Assert.Equal("2", TextOf.Message(call.GetProperty("params").GetProperty("message")));
    }

    [Fact]
    public async Task Connect_WithoutSelfId_IsRefused()
    {
        using var socket = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_universal, CancellationToken.None));
    }

    private async Task<IBot> WaitForBotAsync(long selfId)
    {
        var runtime = _app.Runtime;
        for (var i = 0; i < 200; i++)
        {
            if (runtime.GetBot(selfId) is { } bot)
            {
                return bot;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"Bot {selfId} never connected.");
    }
}
