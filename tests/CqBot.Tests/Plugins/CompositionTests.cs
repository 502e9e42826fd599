using System.Text;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Tests.Plugins;

/// <summary>Plugins added to a dispatcher: their commands, middleware and listeners, scopes, and name conflicts.</summary>
public sealed class CompositionTests
{
    private sealed class EchoPlugin(string name, string command) : BotPlugin
    {
        public override string Name => name;

        public override void Configure(PluginBuilder plugin)
        {
            plugin.AddCommand(new CommandDefinition(command, new CqBot.Infrastructure.CommandSignature([], []), _ => new ValueTask<Message?>(name + " answers")));
            plugin.Use((session, next) => session.Content == name + "?" ? new ValueTask<Message?>(name + " is here") : next());
            plugin.On<GroupIncreaseNotice>(notice => (QuickOperation)("welcome from " + name));
        }
    }

    private sealed class ScopedPlugin(PluginScope scope) : BotPlugin
    {
        public override void Configure(PluginBuilder plugin)
        {
            plugin.Scope = scope;
            plugin.AddCommand(new CommandDefinition("secret", new CqBot.Infrastructure.CommandSignature([], []), _ => new ValueTask<Message?>("found")));
        }
    }

    private static DispatchHarness Harness(params BotPlugin[] plugins)
    {
        var harness = new DispatchHarness(registry: new CommandRegistry());
        foreach (var plugin in plugins)
        {
            harness.Dispatcher.AddPlugin(plugin);
        }
        return harness;
    }

    [Fact]
    public async Task AddPlugin_CommandsMiddlewareAndListeners_AllAnswer()
    {
        var harness = Harness(new EchoPlugin("alpha", "a"));

        Assert.Equal("alpha answers", await harness.SendGroupAsync("a"));
        Assert.Equal("alpha is here", await harness.SendGroupAsync("alpha?"));
        var notice = await harness.Dispatcher.HandleAsync(new Session(GroupIncrease(5, 7), harness.Bot, harness.Services));
        Assert.Equal("welcome from alpha", notice?.Reply?.GetPlainText());
    }

    [Fact]
    public void AddPlugin_CommandNameTaken_ThrowsNamingBothPluginsAndAddsNothing()
    {
        var harness = Harness(new EchoPlugin("alpha", "same"));

        var error = Assert.Throws<InvalidOperationException>(() => harness.Dispatcher.AddPlugin(new EchoPlugin("beta", "same")));

        Assert.Contains("plugin alpha", error.Message);
        Assert.Contains("plugin beta", error.Message);
        Assert.Equal(["alpha"], harness.Dispatcher.Plugins.Select(plugin => plugin.Name));
        Assert.Single(harness.Dispatcher.Table.Listeners);
    }

    [Fact]
    public async Task Scope_GroupsOnly_SilentInOtherGroupsAndPrivateChats()
    {
        var harness = Harness(new ScopedPlugin(PluginScope.Everywhere.InGroups(1)));

        Assert.Equal("found", await harness.SendGroupAsync("secret", groupId: 1));
        Assert.Null(await harness.SendGroupAsync("secret", groupId: 2));
        Assert.Null(await harness.SendPrivateAsync("secret"));
    }

    [Fact]
    public async Task Scope_OutOfScope_CommandLeftOutOfHelp()
    {
        var harness = Harness(new ScopedPlugin(PluginScope.Everywhere.InPrivateChats()));

        Assert.Contains("secret", await harness.SendPrivateAsync("help"));
        Assert.DoesNotContain("secret", await harness.SendGroupAsync("help"));
        Assert.Equal(harness.Dispatcher.Texts.CommandNotFound, await harness.SendGroupAsync("help secret"));
    }

    [Fact]
    public async Task Scope_UsersAndAccounts_OnlyThoseAreServed()
    {
        var harness = Harness(new ScopedPlugin(PluginScope.Everywhere.ForUsers(42).ForAccounts(TestEvents.SelfId)));

        Assert.Equal("found", await harness.SendGroupAsync("secret", userId: 42));
        Assert.Null(await harness.SendGroupAsync("secret", userId: 43));
    }

    [Fact]
    public async Task PluginHandle_DisableInGroupAtRunTime_TakesEffectOnTheNextEventAndCanBeUndone()
    {
        var harness = Harness(new ScopedPlugin(PluginScope.Everywhere));
        var plugin = Assert.Single(harness.Dispatcher.Plugins);

        plugin.DisableIn(9);
        var disabled = await harness.SendGroupAsync("secret", groupId: 9);
        var elsewhere = await harness.SendGroupAsync("secret", groupId: 10);
        plugin.EnableIn(9);
        var enabled = await harness.SendGroupAsync("secret", groupId: 9);

        Assert.Null(disabled);
        Assert.Equal("found", elsewhere);
        Assert.Equal("found", enabled);
    }

    [Fact]
    public async Task CommandScope_OneCommandLimited_OthersOfThePluginStillAnswer()
    {
        var harness = Harness(new EchoPlugin("alpha", "a"), new LimitedCommandPlugin());

        Assert.Null(await harness.SendPrivateAsync("grouponly"));
        Assert.Equal("group!", await harness.SendGroupAsync("grouponly"));
        Assert.Equal("alpha answers", await harness.SendPrivateAsync("a"));
        Assert.DoesNotContain("grouponly", await harness.SendPrivateAsync("help"));

        Assert.True(harness.Dispatcher.Commands.TryGet("grouponly", out var command));
        command.Scope = PluginScope.Everywhere;
        Assert.Equal("group!", await harness.SendPrivateAsync("grouponly"));
    }

    private sealed class LimitedCommandPlugin : BotPlugin
    {
        public override void Configure(PluginBuilder plugin)
        {
            plugin.AddCommand(new CommandDefinition("grouponly", new CqBot.Infrastructure.CommandSignature([], []), _ => new ValueTask<Message?>("group!")));
            plugin.Command("GroupOnly").Scope = PluginScope.Everywhere.InAllGroups();
        }
    }

    [Fact]
    public void Commands_OfABuiltDispatcher_AreReadOnly()
    {
        var harness = Harness(new EchoPlugin("alpha", "a"));
        var error = Assert.Throws<InvalidOperationException>(() =>
            harness.Dispatcher.Commands.Add(new CommandDefinition("late", new CqBot.Infrastructure.CommandSignature([], []), _ => default)));
        Assert.Contains("read-only", error.Message);
    }

    [Fact]
    public async Task TypedListeners_SyncReturningTextOrNothing_AndAsyncWithSession()
    {
        var harness = Harness();
        var seen = new List<long>();
        harness.Dispatcher.On<GroupIncreaseNotice>(notice => seen.Add(notice.UserId));
        harness.Dispatcher.On<GroupIncreaseNotice>(notice => (QuickOperation)$"hi {notice.UserId}");
        harness.Dispatcher.On<NoticeEvent>(async (notice, session) =>
        {
            await Task.Yield();
            seen.Add(session.Event.SelfId);
        });
        harness.Dispatcher.On<FriendRequest>(request => QuickOperation.Approved());

        var operation = await harness.Dispatcher.HandleAsync(new Session(GroupIncrease(5, 7), harness.Bot, harness.Services));

        Assert.Equal("hi 7", operation?.Reply?.GetPlainText());
        Assert.Null(operation?.Approve);
        Assert.Equal([7L, TestEvents.SelfId], seen);
    }

    [Fact]
    public async Task ReadmeListenerExamples_CompileAndAnswer()
    {
        IEventRoutes app = Harness().Dispatcher;
        app.On<FriendRequest>(request => QuickOperation.Approved(remark: "new friend"));
        app.On<GroupIncreaseNotice>(notice => $"欢迎 {notice.UserId}！");
        app.On<GroupMessageEvent>(message =>
            message.Message.GetPlainText().Contains("spam") ? new QuickOperation { Delete = true, Ban = true, BanDuration = 600 } : null);
        app.On<NoticeEvent>(async (notice, session) => { await session.Bot.CallAsync("get_status"); });
        app.Use(session => session.Content == "ping" ? "pong" : null);
        app.On("notice/group_increase", session => session.Event is GroupIncreaseNotice { UserId: 7 } ? new QuickOperation { AtSender = true } : null);

        var harness = (EventDispatcher)app;
        var operation = await harness.HandleAsync(new Session(GroupIncrease(5, 7), new Bot(TestEvents.SelfId, new RecordingTransport()), new ServiceCollection().BuildServiceProvider()));
        Assert.Equal("欢迎 7！", operation?.Reply?.GetPlainText());
        Assert.True(operation?.AtSender);
    }

    [Fact]
    public async Task UseWithText_AnswersOrLetsTheChainGoOn()
    {
        var harness = Harness(new EchoPlugin("alpha", "a"));
        harness.Dispatcher.Use(session => session.Content == "ping" ? "pong" : null);

        Assert.Equal("pong", await harness.SendGroupAsync("ping"));
        Assert.Equal("alpha answers", await harness.SendGroupAsync("a"));
    }

    private static Event GroupIncrease(long groupId, long userId) => EventParser.Parse(Encoding.UTF8.GetBytes(
        $$"""{"time":1,"self_id":{{TestEvents.SelfId}},"post_type":"notice","notice_type":"group_increase","sub_type":"approve","group_id":{{groupId}},"operator_id":1,"user_id":{{userId}}}"""));
}
