using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Tests.Commands;

public sealed class CommandSuggestionTests
{
    private readonly DispatchHarness _harness = new(services => services.AddSingleton(new FlowLog()));

    [Fact]
    public async Task UnknownName_CloseToOne_SuggestsIt()
    {
        Assert.Equal("您要找的是不是“traced”？发送句号以使用推测的指令。", await _harness.SendPrivateAsync("tracd hi -l"));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("。")]
    [InlineData(" . ")]
    public async Task SingleSuggestion_SameUserConfirms_RunsWithTheOriginalArguments(string confirmation)
    {
        await _harness.SendPrivateAsync("tracd hi -l");

        Assert.Equal("HI", await _harness.SendPrivateAsync(confirmation));
    }

    [Fact]
    public async Task SingleSuggestion_ConfirmedOnce_ASecondPeriodDoesNothing()
    {
        await _harness.SendPrivateAsync("tracd hi");
        await _harness.SendPrivateAsync(".");

        Assert.Null(await _harness.SendPrivateAsync("."));
    }

    [Fact]
    public async Task SingleSuggestion_OtherUser_CannotConfirm()
    {
        await _harness.SendPrivateAsync("tracd hi", userId: 42);

        Assert.Null(await _harness.SendPrivateAsync(".", userId: 43));
        Assert.Equal("hi", await _harness.SendPrivateAsync(".", userId: 42));
    }

    [Fact]
    public async Task SingleSuggestion_AnotherMessageFirst_DropsIt()
    {
        await _harness.SendPrivateAsync("tracd hi");
        await _harness.SendPrivateAsync("hello there");

        Assert.Null(await _harness.SendPrivateAsync("."));
    }

    [Fact]
    public async Task SingleSuggestion_OtherGroup_CannotConfirm()
    {
        _harness.Dispatcher.DispatchSettings = new CommandDispatchSettings { Prefixes = ["/"] };
        await _harness.SendGroupAsync("/tracd hi", groupId: 1);

        Assert.Null(await _harness.SendGroupAsync(".", groupId: 2));
        Assert.Equal("hi", await _harness.SendGroupAsync(".", groupId: 1));
    }

    [Fact]
    public async Task SeveralCandidates_AreListed_AndNothingWaits()
    {
        Assert.Equal("您要找的是不是“alpha1”或“alpha2”？", await _harness.SendPrivateAsync("alpha3"));
        Assert.Null(await _harness.SendPrivateAsync("."));
    }

    [Fact]
    public async Task English_SuggestionIsInEnglish()
    {
        _harness.Dispatcher.Texts = CommandTexts.English;

        Assert.Equal("Did you mean \"traced\"? Send a period to apply the suggestion.", await _harness.SendPrivateAsync("tracd"));
        Assert.Equal("Did you mean \"alpha1\" or \"alpha2\"?", await _harness.SendPrivateAsync("alpha3"));
    }

    [Fact]
    public async Task GroupMessage_WithoutPrefixOrAddress_GetsNoSuggestion()
    {
        Assert.Null(await _harness.SendGroupAsync("tracd hi"));
    }

    [Fact]
    public async Task GroupMessage_WithPrefix_GetsASuggestion()
    {
        _harness.Dispatcher.DispatchSettings = new CommandDispatchSettings { Prefixes = ["/"] };

        Assert.StartsWith("您要找的是不是“traced”", await _harness.SendGroupAsync("/tracd hi"), StringComparison.Ordinal);
        Assert.Null(await _harness.SendGroupAsync("tracd hi"));
    }

    [Fact]
    public async Task GroupMessage_WithNickname_GetsASuggestion_AndRunsWhenConfirmed()
    {
        _harness.Dispatcher.DispatchSettings = new CommandDispatchSettings { Nicknames = ["小助手"] };

        Assert.StartsWith("您要找的是不是“traced”", await _harness.SendGroupAsync("小助手，tracd hi"), StringComparison.Ordinal);
        Assert.Equal("hi", await _harness.SendGroupAsync("。"));
    }

    [Fact]
    public async Task GroupMessage_MentioningTheBot_GetsASuggestion()
    {
        Assert.StartsWith("您要找的是不是“traced”", await _harness.SendGroupAsync($"[CQ:at,qq={TestEvents.SelfId}] tracd hi"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HiddenCommand_IsNeverSuggested()
    {
        Assert.Null(await _harness.SendPrivateAsync("backstagee"));
        Assert.Equal("hidden", await _harness.SendPrivateAsync("backstage"));
    }

    [Fact]
    public async Task CommandOutOfScope_IsNeverSuggested()
    {
        _harness.Dispatcher.Commands.Commands.First(c => c.Name == "traced").Scope = PluginScope.Everywhere.InGroups(1);

        Assert.Null(await _harness.SendPrivateAsync("tracd hi"));
    }

    [Fact]
    public async Task FarName_GetsNoSuggestion()
    {
        Assert.Null(await _harness.SendPrivateAsync("zzzzzz"));
    }

    [Fact]
    public async Task SuggestionDistanceZero_TurnsSuggestionsOff()
    {
        _harness.Dispatcher.DispatchSettings = new CommandDispatchSettings { SuggestionDistance = 0 };

        Assert.Null(await _harness.SendPrivateAsync("tracd hi"));
    }

    [Fact]
    public async Task AnotherMiddlewareAnswers_NoSuggestion()
    {
        _harness.Dispatcher.Use(session => session.Content.StartsWith("tracd", StringComparison.Ordinal) ? "middleware" : null);

        Assert.Equal("middleware", await _harness.SendPrivateAsync("tracd hi"));
    }

    [Theory]
    [InlineData("traced", "traced", 0)]
    [InlineData("traced", "tracd", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("签到", "签退", 1)]
    public void EditDistance_IsLevenshtein(string a, string b, int expected) =>
        Assert.Equal(expected, CommandSuggestions.EditDistance(a, b));
}
