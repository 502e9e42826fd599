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

    [Fact]
    public async Task HandlerHooks_RunAroundTheGeneratedNoticeHandler_AndMaySkipIt()
    {
        await using var bot = await StartAsync();
        var seen = new List<string>();
        using var before = bot.App.BeforeHandler((session, name) =>
        {
            seen.Add("before " + name);
            return ValueTask.FromResult(((GroupIncreaseNotice)session.Event).UserId != 13);
        });
        using var after = bot.App.AfterHandler((session, name, answer, error) =>
        {
            seen.Add("after " + name + " " + answer?.Reply?.GetPlainText());
            return ValueTask.CompletedTask;
        });

        var welcomed = await bot.ReceiveAsync(Increase(7));
        var skipped = await bot.ReceiveAsync(Increase(13));

        Assert.Equal("欢迎 7", welcomed.Text);
        Assert.Empty(skipped.Calls);
        Assert.Equal(["before notice/group_increase", "after notice/group_increase 欢迎 7", "before notice/group_increase"], seen);
    }

    [Fact]
    public async Task CommandEvents_CommandBeforeTheReplyIsSent_AfterCommandOnceItWas()
    {
        await using var bot = await StartAsync();
        var sentWhen = new List<string>();
        using var command = bot.App.OnCommand((CommandEvent e) => sentWhen.Add($"command {e.Command.Name}: {bot.Calls.Count} sent, result {e.Result?.GetPlainText()}"));
        using var after = bot.App.OnAfterCommand((CommandEvent e) => sentWhen.Add($"after-command {e.Command.Name}: {bot.Calls.Count} sent"));

        await bot.ReceivePrivateMessageAsync(42, "ping");

        Assert.Equal(["command ping: 0 sent, result pong", "after-command ping: 1 sent"], sentWhen);
    }

    private static string Increase(long userId) =>
        $$"""{"time":1,"self_id":10001000,"post_type":"notice","notice_type":"group_increase","sub_type":"approve","group_id":5,"operator_id":6,"user_id":{{userId}}}""";
}
