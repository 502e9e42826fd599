using System.Text.Json;
using CqBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Handlers.Tests;

public sealed class TestBotTests
{
    private static TestBot Create() => new(services => services.AddSingleton<IWelcomeText, WelcomeText>());

    [Fact]
    public async Task PrivateMessage_Command_AnswerIsTheQuickOperationReply()
    {
        await using var bot = Create();
        var operation = await bot.ReceivePrivateMessageAsync(42, "ping");
        Assert.Equal("pong", operation?.Reply?.GetPlainText());
    }

    [Fact]
    public async Task GroupMessage_WithMention_ParsesTheUserArgumentAndRecordsTheApiCall()
    {
        await using var bot = Create();
        bot.Reply("get_stranger_info", """{"user_id":777,"nickname":"小明"}""");

        var operation = await bot.ReceiveGroupMessageAsync(100, 42, "whois [CQ:at,qq=777]");

        Assert.Equal("小明", operation?.Reply?.GetPlainText());
        var call = Assert.Single(bot.Calls);
        Assert.Equal("get_stranger_info", call.Action);
        Assert.Equal(777, call.Parameters!["user_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task FailedAction_ReachesTheUserAsUnknownError()
    {
        await using var bot = Create();
        bot.Fail("get_stranger_info", 100, "not found");
        var operation = await bot.ReceivePrivateMessageAsync(42, "whois @777");
        Assert.Equal("发生未知错误。", operation?.Reply?.GetPlainText());
    }

    [Fact]
    public async Task CommandReturningQuickOperation_ReplyAndKickReachTheEvent()
    {
        await using var bot = Create();
        var operation = await bot.ReceiveGroupMessageAsync(100, 42, "kickme");
        Assert.Equal("再见", operation?.Reply?.GetPlainText());
        Assert.True(operation?.Kick);
    }

    [Fact]
    public async Task AsyncCommandReturningQuickOperation_WithoutReply_StillBans()
    {
        await using var bot = Create();
        var operation = await bot.ReceiveGroupMessageAsync(100, 42, "muteme 3");
        Assert.Null(operation?.Reply);
        Assert.True(operation?.Ban);
        Assert.Equal(180, operation?.BanDuration);
    }

    [Fact]
    public async Task Hooks_MockACall_TransportNeverSeesIt()
    {
        await using var bot = Create();
        using var data = JsonDocument.Parse("""{"nickname":"mocked"}""");
        bot.Hooks.OnCalling((_, _, _, _) => new ValueTask<ApiResponse?>(new ApiResponse("ok", 0, data.RootElement.Clone())));

        var operation = await bot.ReceivePrivateMessageAsync(42, "whois @777");

        Assert.Equal("mocked", operation?.Reply?.GetPlainText());
        Assert.Empty(bot.Calls);
    }

    [Fact]
    public async Task Notice_GeneratedHandler_AnswersWithInjectedService()
    {
        await using var bot = Create();
        var operation = await bot.ReceiveAsync("""{"time":1,"self_id":10001000,"post_type":"notice","notice_type":"group_increase","sub_type":"approve","group_id":5,"operator_id":6,"user_id":7}""");
        Assert.Equal("欢迎 7", operation?.Reply?.GetPlainText());
    }
}
