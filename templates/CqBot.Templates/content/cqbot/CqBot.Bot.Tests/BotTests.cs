using CqBot.Testing;

namespace CqBot.Bot.Tests;

/// <summary>The bot built by its own Program, over an in-memory connection.</summary>
public sealed class BotTests
{
    [Fact]
    public async Task Echo_SaysTheTextBack()
    {
        await using var bot = await TestBot.StartAsync<Program>();
        var reply = await bot.ReceivePrivateMessageAsync(42, "echo hello");
        Assert.Equal("hello", reply.Text);
    }

    [Fact]
    public async Task Echo_TooLong_IsStoppedByTheCheck()
    {
        await using var bot = await TestBot.StartAsync<Program>();
        var reply = await bot.ReceiveGroupMessageAsync(1001, 42, "echo " + new string('a', Commands.MaxLength));
        Assert.StartsWith("That is too long", reply.Text);
    }
}
