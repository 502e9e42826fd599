using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CqBot.Tests.Commands;

public sealed class CommandFlowTests
{
    private readonly FlowLog _log = new();
    private readonly RecordingLogger<EventDispatcher> _logger = new();
    private readonly DispatchHarness _harness;

    public CommandFlowTests()
    {
        _harness = new DispatchHarness(services => services.AddSingleton(_log), logger: _logger);
    }

    private string[] Steps => [.. _log.Steps];

    private void ListenToEveryStage()
    {
        _harness.Dispatcher.OnBeforeCommand((CommandEvent e) =>
        {
            _log.Add("before");
            return (string?)null;
        });
        _harness.Dispatcher.OnCommand((CommandEvent e) => _log.Add("command"));
        _harness.Dispatcher.OnAfterCommand((CommandEvent e) => _log.Add("after"));
    }

    [Fact]
    public async Task Flow_CommandRuns_StepsComeInKoishisOrder()
    {
        ListenToEveryStage();

        Assert.Equal("hi", await _harness.SendPrivateAsync("traced hi"));
        Assert.Equal(["check", "before", "run", "command", "after"], Steps);
    }

    [Fact]
    public async Task ParseError_RepliesWithTheError_BeforeChecksAndListeners()
    {
        ListenToEveryStage();

        Assert.Equal("缺少参数 word，输入帮助以查看用法。", await _harness.SendPrivateAsync("traced"));
        Assert.Empty(Steps);
    }

    [Fact]
    public async Task CheckFails_BeforeCommandListenersAreNotAsked()
    {
        ListenToEveryStage();

        Assert.Null(await _harness.SendPrivateAsync("traced hi", userId: 13));
        Assert.Equal(["check"], Steps);
    }

    [Fact]
    public async Task Help_IsAnsweredBeforeBeforeCommand_AndDoesNotCountAsAUse()
    {
        ListenToEveryStage();

        var reply = await _harness.SendPrivateAsync("traced -h");

        Assert.StartsWith("指令：traced", reply, StringComparison.Ordinal);
        Assert.Equal(["check"], Steps);
    }

    [Fact]
    public async Task BeforeCommand_ReturnsText_StopsTheCommandWithThatReply()
    {
        _harness.Dispatcher.OnBeforeCommand((CommandEvent e) => e.Arguments["word"] == "no" ? "不许。" : null);

        Assert.Equal("不许。", await _harness.SendPrivateAsync("traced no"));
        Assert.Equal(["check"], Steps);
        Assert.Equal("yes", await _harness.SendPrivateAsync("traced yes"));
    }

    [Fact]
    public async Task BeforeCommand_ReturnsFalse_StopsSilently()
    {
        _harness.Dispatcher.OnBeforeCommand((CommandEvent e) => false);

        Assert.Null(await _harness.SendPrivateAsync("traced hi"));
        Assert.Equal(["check"], Steps);
    }

    [Fact]
    public async Task BeforeCommand_Stops_CommandEventsDoNotFire()
    {
        _harness.Dispatcher.OnBeforeCommand((CommandEvent e) => false);
        _harness.Dispatcher.OnCommand((CommandEvent e) => _log.Add("command"));

        await _harness.SendPrivateAsync("traced hi");

        Assert.DoesNotContain("command", Steps);
    }

    [Fact]
    public async Task BeforeCommand_Throws_CommandFailsWithTheShortReply()
    {
        _harness.Dispatcher.OnBeforeCommand((CommandEvent e) => throw new InvalidOperationException("listener bug"));

        Assert.Equal(CommandTexts.ChineseSimplified.UnknownError, await _harness.SendPrivateAsync("traced hi"));
        Assert.DoesNotContain("run", Steps);
    }

    [Fact]
    public async Task CommandEvent_CarriesCommandArgumentsOptionsAndResult()
    {
        CommandEvent? seen = null;
        _harness.Dispatcher.OnAfterCommand((CommandEvent e) => seen = e);

        await _harness.SendGroupAsync("traced hi 3 -l -t 2", groupId: 5, userId: 42);

        Assert.NotNull(seen);
        Assert.Equal("traced", seen.Command.Name);
        Assert.Equal(5, seen.Session.GroupId);
        Assert.Equal(["hi", "3"], seen.Arguments.Values);
        Assert.Equal("hi", seen.Arguments["word"]);
        Assert.Equal("3", seen.Arguments["count"]);
        Assert.Equal("2", seen.Arguments["times"]);
        Assert.True(seen.Arguments.Has("loud"));
        Assert.Null(seen.Arguments["nothing"]);
        Assert.Equal("HI", seen.Result?.GetPlainText());
        Assert.Null(seen.Exception);
    }

    [Fact]
    public async Task CommandEvent_OptionNotGiven_IsNull()
    {
        CommandEvent? seen = null;
        _harness.Dispatcher.OnCommand((CommandEvent e) => seen = e);

        await _harness.SendPrivateAsync("traced hi");

        Assert.False(seen!.Arguments.Has("loud"));
        Assert.Null(seen.Arguments["count"]);
    }

    [Fact]
    public async Task CommandThrows_CommandEventsCarryTheException()
    {
        Exception? seen = null;
        _harness.Dispatcher.OnCommand((CommandEvent e) => seen = e.Exception);

        Assert.Equal(CommandTexts.ChineseSimplified.UnknownError, await _harness.SendPrivateAsync("crash it"));
        Assert.Equal("crash: it", seen?.Message);
    }

    [Fact]
    public async Task CommandThrows_LoggedWithCommandNameAndInput_ReplyHasNoStackTrace()
    {
        var reply = await _harness.SendPrivateAsync("crash with input");

        Assert.Equal("发生未知错误。", reply);
        var entry = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("'crash'", entry.Message, StringComparison.Ordinal);
        Assert.Contains("crash with input", entry.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public async Task CommandThrows_EnglishTexts_ReplyIsEnglish_BotGoesOn()
    {
        _harness.Dispatcher.Texts = CommandTexts.English;

        Assert.Equal("An unknown error has occurred.", await _harness.SendPrivateAsync("crash x"));
        Assert.Equal("ok", await _harness.SendPrivateAsync("traced ok"));
    }

    [Fact]
    public async Task CommandListenerThrows_IsLogged_ReplyAndLaterListenersGoOn()
    {
        var errors = 0;
        _harness.Dispatcher.Error += (_, _) => errors++;
        _harness.Dispatcher.OnCommand((CommandEvent e) => throw new InvalidOperationException("listener bug"));
        _harness.Dispatcher.OnAfterCommand((CommandEvent e) => _log.Add("after"));

        Assert.Equal("hi", await _harness.SendPrivateAsync("traced hi"));
        Assert.Contains("after", Steps);
        Assert.Equal(1, errors);
        Assert.Contains(_logger.Entries, e => e.Message.Contains("command event of command 'traced'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Listener_Disposed_NoLongerRuns()
    {
        var registration = _harness.Dispatcher.OnBeforeCommand((CommandEvent e) => "stopped");
        registration.Dispose();

        Assert.Equal("hi", await _harness.SendPrivateAsync("traced hi"));
    }

    [Fact]
    public async Task PluginListener_OutsideThePluginScope_DoesNotRun()
    {
        _harness.Dispatcher.AddPlugin(new ScopedListenerPlugin());

        Assert.Equal("hi", await _harness.SendGroupAsync("traced hi", groupId: 2));
        Assert.Equal("插件拦截", await _harness.SendGroupAsync("traced hi", groupId: 1));
    }

    [Fact]
    public async Task NoListeners_CommandsAllocateNoCommandEvent()
    {
        // Warm up, then measure one command on this thread: the flow's own step adds nothing.
        await _harness.SendPrivateAsync("traced hi");
        var context = new CommandContext(new Session(TestEvents.PrivateMessage(42, "traced hi"), _harness.Bot, _harness.Services),
            _harness.Dispatcher.Commands.Commands.First(c => c.Name == "traced"), "traced hi", 6, CommandTexts.English)
        { Table = _harness.Dispatcher.Table };
        using var parsed = CqBot.Infrastructure.CommandParser.Parse(context);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var stop = CqBot.Infrastructure.CommandFlow.BeforeCommandAsync(context, parsed);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(stop.IsCompletedSuccessfully);
        Assert.Equal(0, allocated);
        Assert.Null(await stop);
        Assert.Null(context.Event);
    }

    private sealed class ScopedListenerPlugin : BotPlugin
    {
        public override string Name => "scoped-listener";

        public override void Configure(PluginBuilder plugin)
        {
            plugin.Scope = PluginScope.Everywhere.InGroups(1);
            plugin.OnBeforeCommand((CommandEvent e) => "插件拦截");
        }
    }
}
