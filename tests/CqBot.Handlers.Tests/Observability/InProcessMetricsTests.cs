using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Handlers.Tests.Observability;

/// <summary>The instruments on the test kit's in-memory connection, which runs the production pipeline.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class InProcessMetricsTests
{
    private static (string, object?) T(string name, object? value) => (name, value);

    [Fact]
    public async Task Command_UserBelowItsAuthority_IsCountedRefusedOnTheInMemoryTransport()
    {
        using var recorder = new TelemetryRecorder();
        await using var bot = await TestBotTests.StartAsync(builder => builder.Configuration["CqBot:RateLimit:Enabled"] = "false", null);

        await bot.ReceivePrivateMessageAsync(42, "staff");
        await bot.ReceivePrivateMessageAsync(42, "whoami");

        await recorder.WaitForAsync(r => r.Of("cqbot.event.duration").Count == 2, "two event durations");
        var runs = recorder.Of("cqbot.command.runs");
        Assert.Equal(2, runs.Count);
        Assert.True(runs[0].HasTags(T("cqbot.command", "staff"), T("cqbot.command.outcome", "refused")));
        Assert.True(runs[1].HasTags(T("cqbot.command", "whoami"), T("cqbot.command.outcome", "ok")));
        var received = recorder.Of("cqbot.events.received");
        Assert.Equal(2, received.Count);
        Assert.All(received, m => Assert.True(m.HasTags(T("cqbot.account", TestBot.DefaultSelfId), T("cqbot.post_type", "message"), T("cqbot.transport", "in_memory"))));
        // Both answers went to the in-memory implementation as API calls.
        Assert.Equal(2, recorder.Of("cqbot.api.calls").Count(m => m.HasTags(T("cqbot.api.action", "send_msg"), T("cqbot.api.outcome", "ok"))));
    }

    [Fact]
    public async Task Prompt_Waiting_IsShownByTheGaugeUntilAnswered()
    {
        using var recorder = new TelemetryRecorder();
        await using var bot = await TestBotTests.StartAsync(builder => builder.Configuration["CqBot:RateLimit:Enabled"] = "false", null);
        using var ask = bot.App.Use(async (session, next) =>
            session.PlainText == "ask" ? (await session.PromptAsync("name?")).PlainText : await next(), prepend: true);

        var asking = bot.PostAsync(bot.PrivateMessage(42, "ask"));
        await recorder.WaitForAsync(r => r.Of("cqbot.api.calls").Count == 1, "the question to go out");
        recorder.Observe();
        await bot.ReceivePrivateMessageAsync(42, "Alice");
        await asking.WaitAsync(TimeSpan.FromSeconds(10));
        recorder.Observe();

        var waiting = recorder.Of("cqbot.conversations.waiting");
        Assert.Equal([1, 0], waiting.Select(m => m.Value));
        Assert.All(waiting, m => Assert.Equal("{conversation}", m.Unit));
    }
}
