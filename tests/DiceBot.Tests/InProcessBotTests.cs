using CqBot;
using CqBot.Testing;

namespace DiceBot.Tests;

/// <summary>The dice bot built by its own Program, on the production pipeline, over an in-memory connection.</summary>
public sealed class InProcessBotTests
{
    [Fact]
    public async Task Program_Roll_IsAnsweredInTheGroup()
    {
        await using var bot = await TestBot.StartAsync<Program>();
        var reply = await bot.ReceiveGroupMessageAsync(1001, 42, "roll 2d6");
        Assert.Equal(1001, Assert.Single(reply.Calls).GetInt64("group_id"));
        Assert.StartsWith("2d6 = ", reply.Text);
    }

    [Fact]
    public async Task Program_Stats_CountRollsAndKeepTheBestTotalPerUser()
    {
        await using var bot = await TestBot.StartAsync<Program>();

        var none = await bot.ReceivePrivateMessageAsync(42, "stats");
        var totals = new List<int>();
        foreach (var dice in new[] { "roll 2d6", "roll d20 -t 3" })
        {
            var reply = await bot.ReceivePrivateMessageAsync(42, dice);
            totals.AddRange(reply.Text!.Split('\n').Select(line => int.Parse(line.Split(" = ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)));
        }
        var stats = await bot.ReceivePrivateMessageAsync(42, "stats");
        var other = await bot.ReceivePrivateMessageAsync(43, "stats");

        Assert.Equal("你还没有掷过骰子，发送 roll 2d6 试试。", none.Text);
        Assert.Equal($"你一共掷了 4 次，最好成绩是 {totals.Max()}。", stats.Text);
        Assert.Equal(none.Text, other.Text);
    }

    [Fact]
    public async Task Program_PingMiddleware_AnswersPong()
    {
        await using var bot = await TestBot.StartAsync<Program>();
        var reply = await bot.ReceivePrivateMessageAsync(42, "ping");
        Assert.Equal("pong", reply.Text);
    }

    [Fact]
    public async Task Program_FortunePluginFromALibrary_CommandAnswersAndIsListedInHelp()
    {
        await using var bot = await TestBot.StartAsync<Program>();

        var fortune = await bot.ReceivePrivateMessageAsync(42, "jrrp");
        var help = await bot.ReceivePrivateMessageAsync(42, "help");

        Assert.Contains("的运势：", fortune.Text);
        Assert.Contains("fortune", help.Text);
        Assert.Contains(bot.App.Plugins, plugin => plugin.Name == "fortune");
        Assert.True(bot.App.Commands.TryGet("fortune", out _));
    }

    [Fact]
    public async Task Program_OwnDeclarations_AreThePluginNamedAfterTheProject()
    {
        await using var bot = await TestBot.StartAsync<Program>();
        Assert.Equal(["DiceBot", "fortune"], bot.App.Plugins.Select(plugin => plugin.Name));
    }

    [Fact]
    public async Task Program_FortuneDisabledInAGroup_SilentThereAndLeftOutOfHelp()
    {
        await using var bot = await TestBot.StartAsync<Program>();
        bot.App.Plugins.Single(plugin => plugin.Name == "fortune").DisableIn(2002);

        var silent = await bot.ReceiveGroupMessageAsync(2002, 42, "fortune");
        var help = await bot.ReceiveGroupMessageAsync(2002, 42, "help");
        var elsewhere = await bot.ReceiveGroupMessageAsync(2003, 42, "fortune");

        Assert.Empty(silent.Calls);
        Assert.DoesNotContain("fortune", help.Text);
        Assert.Contains("roll", help.Text);
        Assert.Contains("的运势：", elsewhere.Text);
    }

    [Fact]
    public async Task Program_FortuneSettingsFromConfiguration_AreBoundByTheGeneratedBinder()
    {
        await using var bot = await TestBot.StartAsync<Program>(configure: builder =>
        {
            builder.Configuration["CqBot:Plugins:fortune:Fortunes:0"] = "只有好运";
            builder.Configuration["CqBot:Plugins:fortune:Seed"] = "12345";
        });

        var reply = await bot.ReceivePrivateMessageAsync(42, "fortune");

        Assert.EndsWith("的运势：只有好运", reply.Text);
    }

    [Fact]
    public async Task Program_BadFortuneSetting_StartFailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<CqBot.Hosting.BotConfigurationException>(() => TestBot.StartAsync<Program>(configure: builder =>
            builder.Configuration["CqBot:Plugins:fortune:Seed"] = "lucky"));

        Assert.Contains("CqBot:Plugins:fortune:Seed", error.Message);
        Assert.Contains("'lucky'", error.Message);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public async Task HandMadePrompt_WaitingForTheSameChat_HangsAsInProduction()
    {
        // A prompt built by hand: the first message waits for the user's next one. Events of one chat
        // are handled one after another, so the answer queues behind the handler waiting for it.
        await using var bot = await TestBot.StartAsync<Program>();
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.App.Use(async (session, next) =>
        {
            if (session.Content == "ask")
            {
                return "you said " + await answer.Task.WaitAsync(session.CancellationToken);
            }
            if (session.GroupId == 3003 && session.UserId == 42)
            {
                answer.TrySetResult(session.Content);
            }
            return await next();
        }, prepend: true);

        var asking = bot.PostAsync(bot.GroupMessage(3003, 42, "ask"));
        var answering = bot.PostAsync(bot.GroupMessage(3003, 42, "yes"));
        var otherGroup = await bot.ReceiveGroupMessageAsync(3004, 43, "ping");

        await Assert.ThrowsAsync<TimeoutException>(() => answering.WaitAsync(TimeSpan.FromMilliseconds(500)));
        Assert.False(asking.IsCompleted);
        Assert.Equal("pong", otherGroup.Text);
    }

    [Fact]
    public async Task Program_SendsBeyondTheBurst_WaitForTheRateLimiterOnTheTestClock()
    {
        await using var bot = await TestBot.StartAsync<Program>();
        // The default account burst is 5 messages; the sixth waits for a token at 2 per second.
        for (var i = 0; i < 5; i++)
        {
            await bot.ReceivePrivateMessageAsync(100 + i, "ping");
        }
        var sixth = bot.PostAsync(bot.PrivateMessage(200, "ping"));
        await Task.Delay(200);
        Assert.False(sixth.IsCompleted);

        bot.Clock.Advance(TimeSpan.FromSeconds(1));
        await sixth.WaitAsync(TestBot.DefaultTimeout);
        Assert.Equal(6, bot.Calls.Count);
    }
}
