using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Handlers.Tests;

public sealed class GeneratedHandlerTests
{
    private readonly DispatchHarness _harness = new(services =>
    {
        services.AddSingleton<IWelcomeText, WelcomeText>();
    });

    private async Task<QuickOperation?> HandleFixtureAsync(string file)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "events", file));
        return await _harness.Dispatcher.HandleAsync(new Session(EventParser.Parse(bytes), _harness.Bot, _harness.Services));
    }

    [Fact]
    public async Task OnNotice_GroupIncrease_RepliesThroughInjectedService()
    {
        var operation = await HandleFixtureAsync("notice_group_increase.json");
        Assert.Equal("欢迎 45678901", operation?.Reply?.GetPlainText());
    }

    [Fact]
    public async Task OnRequest_Friend_ReturnsApproval()
    {
        var operation = await HandleFixtureAsync("request_friend.json");
        Assert.True(operation?.Approve);
        Assert.StartsWith("friend of ", operation?.Remark);
    }

    [Fact]
    public async Task OnNotice_TypeAndSubType_AsyncHandlerReplies()
    {
        var operation = await HandleFixtureAsync("notice_notify_poke.json");
        Assert.Equal("别戳了", operation?.Reply?.GetPlainText());
    }

    [Fact]
    public async Task OnNotice_OtherSubType_DoesNotRun()
    {
        var operation = await HandleFixtureAsync("notice_notify_honor.json");
        Assert.Null(operation);
    }

    [Fact]
    public async Task Priority_BlockingHandlerFirst_LaterHandlerSkipped()
    {
        var operation = await HandleFixtureAsync("notice_notify_lucky_king.json");
        Assert.Equal("first", operation?.Reply?.GetPlainText());
    }

    [Fact]
    public async Task OnMetaEvent_Heartbeat_Runs()
    {
        var before = TestHandlers.Beats;
        await HandleFixtureAsync("meta_heartbeat.json");
        Assert.True(TestHandlers.Beats > before);
    }

    [Fact]
    public async Task MiddlewareAttribute_Prepended_AnswersBeforeCommands() =>
        Assert.Equal("SHOUT", await _harness.SendGroupAsync("shout"));

    [Fact]
    public async Task MiddlewareAttribute_OtherText_ContinuesToCommands() =>
        Assert.Equal("pong", await _harness.SendGroupAsync("ping"));
}
