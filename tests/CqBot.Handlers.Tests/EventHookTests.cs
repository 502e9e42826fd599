using CqBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Handlers.Tests;

/// <summary>Hooks before and after each event, on the production pipeline.</summary>
public sealed class EventHookTests
{
    private static Task<TestBot> StartAsync() => TestBot.StartAsync(builder =>
    {
        builder.Services.AddSingleton<IWelcomeText, WelcomeText>();
        builder.AddPlugin(new CqBot.Generated.ApplicationPlugin());
    });

    [Fact]
    public async Task BeforeEvent_ReturnsFalse_TheEventIsIgnoredAndOthersAreServed()
    {
        await using var bot = await StartAsync();
        using var blocklist = bot.App.BeforeEvent(session => ValueTask.FromResult(session.UserId != 99));

        var ignored = await bot.ReceivePrivateMessageAsync(99, "ping");
        var served = await bot.ReceivePrivateMessageAsync(42, "ping");

        Assert.Empty(ignored.Calls);
        Assert.Equal("pong", served.Text);
    }

    [Fact]
    public async Task AfterEvent_SeesWhatTheBotAnswered()
    {
        await using var bot = await StartAsync();
        var seen = new List<string?>();
        using var log = bot.App.AfterEvent((session, operation) =>
        {
            seen.Add(operation?.Reply?.GetPlainText());
            return ValueTask.CompletedTask;
        });

        await bot.ReceivePrivateMessageAsync(42, "ping");
        await bot.ReceivePrivateMessageAsync(42, "nothing to answer");

        Assert.Equal(["pong", null], seen);
    }

    [Fact]
    public async Task ThrowingHooks_AreReportedAndTheEventGoesOn()
    {
        await using var bot = await StartAsync();
        var errors = 0;
        bot.App.Error += (_, _) => Interlocked.Increment(ref errors);
        using var before = bot.App.BeforeEvent(_ => throw new InvalidOperationException("hook bug"));
        using var after = bot.App.AfterEvent((_, _) => throw new InvalidOperationException("hook bug"));

        var reply = await bot.ReceivePrivateMessageAsync(42, "ping");

        Assert.Equal("pong", reply.Text);
        Assert.Equal(2, errors);
    }

    [Fact]
    public async Task DisposedHook_NoLongerRuns()
    {
        await using var bot = await StartAsync();
        var blocklist = bot.App.BeforeEvent(_ => ValueTask.FromResult(false));
        blocklist.Dispose();

        var reply = await bot.ReceivePrivateMessageAsync(42, "ping");

        Assert.Equal("pong", reply.Text);
    }
}
