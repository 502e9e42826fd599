using CqBot;
using CqBot.Testing;

namespace TourBot.Tests;

public class BotTests
{
    [Fact]
    public async Task Roll_WithTimes_RollsThatManyDice()
    {
        await using var bot = await TestBot.StartAsync<Program>();

        var reply = await bot.ReceivePrivateMessageAsync(42, "roll 20 -t 3");

        Assert.Matches(@"^\d+ \+ \d+ \+ \d+ = \d+$", reply.Text);
    }

    [Fact]
    public async Task Roll_WithAWrongValue_SaysWhatWasExpected()
    {
        await using var bot = await TestBot.StartAsync<Program>();

        var reply = await bot.ReceivePrivateMessageAsync(42, "roll -t x");

        Assert.Contains("times", reply.Text);
    }

    [Fact]
    public async Task Register_AsksTheName_AndTheBotRemembersIt()
    {
        await using var bot = await TestBot.StartAsync<Program>();

        Assert.Equal("What should I call you?", (await bot.ReceivePrivateMessageAsync(42, "register")).Text);
        Assert.Equal("Nice to meet you, Alice!", (await bot.ReceivePrivateMessageAsync(42, "Alice")).Text);
        Assert.Equal("You are Alice.", (await bot.ReceivePrivateMessageAsync(42, "whoami")).Text);
        Assert.Equal("Alice", (await bot.Data.GetUserAsync(42)).Get(Profile.Name));
    }

    [Fact]
    public async Task NewMember_IsWelcomedByTheGroupsName()
    {
        await using var bot = await TestBot.StartAsync<Program>();
        bot.Reply((GroupActions.GetGroupInfoRequest request) => new GroupInfo { GroupId = request.GroupId, GroupName = "Dice club" });

        var reply = await bot.ReceiveAsync(FakeEvents.GroupIncrease(bot.Bot.SelfId, 100, 42));

        Assert.Equal("get_group_info", reply.Calls[0].Action);
        Assert.StartsWith("Welcome to Dice club, 42!", reply.Text);
    }

    [Fact]
    public async Task Register_InAGroup_IsStoppedByTheCheck()
    {
        await using var bot = await TestBot.StartAsync<Program>();

        var reply = await bot.ReceiveGroupMessageAsync(100, 42, "register");

        Assert.Equal("Let's do that in a private chat.", reply.Text);
    }
}
