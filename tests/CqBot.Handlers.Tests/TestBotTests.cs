using System.Text.Json;
using CqBot.Hosting;
using CqBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Handlers.Tests;

public sealed class TestBotTests
{
    internal static Task<TestBot> StartAsync() => StartAsync(null, null);

    internal static async Task<TestBot> StartAsync(Action<BotApplicationBuilder>? configure, Action<BotApplication>? configureApp)
    {
        var bot = await TestBot.StartAsync(builder =>
        {
            builder.Services.AddSingleton<IWelcomeText, WelcomeText>();
            builder.AddPlugin(new CqBot.Generated.ApplicationPlugin());
            configure?.Invoke(builder);
        });
        configureApp?.Invoke(bot.App);
        return bot;
    }

    [Fact]
    public async Task PrivateMessage_Command_ReplyIsSentToThePrivateChat()
    {
        await using var bot = await StartAsync();
        var reply = await bot.ReceivePrivateMessageAsync(42, "ping");
        var call = Assert.Single(reply.Calls);
        Assert.Equal("send_msg", call.Action);
        Assert.Equal("private", call.GetString("message_type"));
        Assert.Equal(42, call.GetInt64("user_id"));
        Assert.Equal("pong", reply.Text);
    }

    [Fact]
    public async Task GroupMessage_WithMention_ParsesTheUserArgumentAndRecordsTheApiCall()
    {
        await using var bot = await StartAsync();
        bot.Reply("get_stranger_info", """{"user_id":777,"nickname":"小明"}""");

        var reply = await bot.ReceiveGroupMessageAsync(100, 42, "whois [CQ:at,qq=777]");

        Assert.Equal(["get_stranger_info", "send_msg"], reply.Calls.Select(call => call.Action));
        Assert.Equal(777, reply.Calls[0].GetInt64("user_id"));
        Assert.Equal("小明", reply.Text);
    }

    [Fact]
    public async Task FailedAction_ReachesTheUserAsUnknownError()
    {
        await using var bot = await StartAsync();
        bot.Fail("get_stranger_info", 100, "not found");
        var reply = await bot.ReceivePrivateMessageAsync(42, "whois @777");
        Assert.Equal("发生未知错误。", reply.Text);
    }

    [Fact]
    public async Task CommandReturningQuickOperation_ReplyAndKickGoOutAsAQuickOperation()
    {
        await using var bot = await StartAsync();
        var reply = await bot.ReceiveGroupMessageAsync(100, 42, "kickme");
        var call = Assert.Single(reply.Calls);
        Assert.Equal(".handle_quick_operation", call.Action);
        Assert.True(call.Parameters.GetProperty("operation").GetProperty("kick").GetBoolean());
        Assert.Equal("再见", reply.Text);
    }

    [Fact]
    public async Task AsyncCommandReturningQuickOperation_WithoutReply_StillBans()
    {
        await using var bot = await StartAsync();
        var reply = await bot.ReceiveGroupMessageAsync(100, 42, "muteme 3");
        var operation = Assert.Single(reply.Calls).Parameters.GetProperty("operation");
        Assert.True(operation.GetProperty("ban").GetBoolean());
        Assert.Equal(180, operation.GetProperty("ban_duration").GetInt32());
        Assert.False(operation.TryGetProperty("reply", out _));
    }

    [Fact]
    public async Task Hooks_MockACall_TransportNeverSeesIt()
    {
        await using var bot = await StartAsync();
        using var data = JsonDocument.Parse("""{"nickname":"mocked"}""");
        bot.App.ApiHooks.OnCalling((_, request, _) => new ValueTask<ApiResponse?>(request.WireAction == "get_stranger_info" ? new ApiResponse("ok", 0, data.RootElement.Clone()) : null));

        var reply = await bot.ReceivePrivateMessageAsync(42, "whois @777");

        Assert.Equal("mocked", reply.Text);
        Assert.DoesNotContain(reply.Calls, call => call.Action == "get_stranger_info");
    }

    [Fact]
    public async Task Notice_GeneratedHandler_AnswersWithInjectedService()
    {
        await using var bot = await StartAsync();
        var reply = await bot.ReceiveAsync("""{"time":1,"self_id":10001000,"post_type":"notice","notice_type":"group_increase","sub_type":"approve","group_id":5,"operator_id":6,"user_id":7}""");
        Assert.Equal("欢迎 7", reply.Text);
    }
}
