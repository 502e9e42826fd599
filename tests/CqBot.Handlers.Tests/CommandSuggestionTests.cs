using CqBot.Testing;

namespace CqBot.Handlers.Tests;

public sealed class CommandSuggestionTests
{
    // The same bot as the other test-kit tests: this assembly's commands.
    private static Task<TestBot> StartAsync() => TestBotTests.StartAsync();

    [Fact]
    public async Task Typo_ThenPeriod_RunsTheSuggestedCommand()
    {
        await using var bot = await StartAsync();

        var suggestion = await bot.ReceivePrivateMessageAsync(42, "pinng");
        var reply = await bot.ReceivePrivateMessageAsync(42, "。");

        Assert.Equal("您要找的是不是“ping”？发送句号以使用推测的指令。", suggestion.Text);
        Assert.Equal("pong", reply.Text);
    }

    [Fact]
    public async Task Typo_InAGroupWithPrefix_ConfirmedInTheSameGroup()
    {
        await using var bot = await StartAsync();
        bot.App.DispatchSettings = new CommandDispatchSettings { Prefixes = ["/"] };

        var suggestion = await bot.ReceiveGroupMessageAsync(100, 42, "/pinng");
        var reply = await bot.ReceiveGroupMessageAsync(100, 42, ".");

        Assert.StartsWith("您要找的是不是“ping”", suggestion.Text, StringComparison.Ordinal);
        Assert.Equal("pong", reply.Text);
    }

    [Fact]
    public async Task Period_AfterTheWindow_DoesNothing()
    {
        await using var bot = await StartAsync();
        bot.App.DispatchSettings = new CommandDispatchSettings { SuggestionWindow = TimeSpan.FromSeconds(30) };

        await bot.ReceivePrivateMessageAsync(42, "pinng");
        bot.Clock.Advance(TimeSpan.FromSeconds(31));
        var reply = await bot.ReceivePrivateMessageAsync(42, ".");

        Assert.Null(reply.Text);
    }
}
