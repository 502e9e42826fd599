using CqBot.Infrastructure;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Tests.Commands;

public sealed class GeneratedDispatchTests
{
    private readonly DispatchHarness _harness = new(services => services.AddSingleton<IGreetingSource, FixedGreeting>());

    [Fact]
    public async Task Dispatch_IntegerArguments_RepliesWithHandlerResult() =>
        Assert.Equal("5", await _harness.SendGroupAsync("add 2 3"));

    [Fact]
    public async Task Dispatch_Alias_RunsTheCommand() =>
        Assert.Equal("7", await _harness.SendPrivateAsync("plus 3 4"));

    [Fact]
    public async Task Dispatch_UpperCaseName_FindsTheCommand() =>
        Assert.Equal("3", await _harness.SendPrivateAsync("ADD 1 2"));

    [Fact]
    public async Task Dispatch_NonIntegerArgument_NamesTheArgumentAndExpectation() =>
        Assert.Equal("参数 b 输入无效，请提供一个整数。", await _harness.SendGroupAsync("add 2 x"));

    [Fact]
    public async Task Dispatch_MissingRequiredArgument_NamesTheArgument() =>
        Assert.Equal("缺少参数 b，输入帮助以查看用法。", await _harness.SendGroupAsync("add 2"));

    [Fact]
    public async Task Dispatch_TooManyArguments_RepliesWithError() =>
        Assert.Equal("存在多余参数，输入帮助以查看用法。", await _harness.SendGroupAsync("add 1 2 3"));

    [Fact]
    public async Task Dispatch_EnglishTexts_UsesEnglish()
    {
        _harness.Dispatcher.Texts = CommandTexts.English;
        Assert.Equal("Invalid argument a, Expect an integer.", await _harness.SendGroupAsync("add x 1"));
    }

    [Fact]
    public async Task Dispatch_NumberArgument_ParsesDecimal() =>
        Assert.Equal("1.25", await _harness.SendGroupAsync("half 2.5"));

    [Fact]
    public async Task Dispatch_NegativeNumber_IsAValue() =>
        Assert.Equal("-1.5", await _harness.SendGroupAsync("half -3"));

    [Fact]
    public async Task Dispatch_UntypedArgument_TakesTypeFromParameter() =>
        Assert.Equal("-4", await _harness.SendGroupAsync("neg 4"));

    [Fact]
    public async Task Dispatch_Int32ParameterOutOfRange_IsInvalid() =>
        Assert.Equal("参数 x 输入无效，请提供一个整数。", await _harness.SendGroupAsync("neg 99999999999"));

    [Theory]
    [InlineData("flag true", "on")]
    [InlineData("flag no", "off")]
    public async Task Dispatch_BooleanArgument_Converts(string input, string expected) =>
        Assert.Equal(expected, await _harness.SendGroupAsync(input));

    [Fact]
    public async Task Dispatch_OptionalArgumentAbsent_UsesParameterDefault() =>
        Assert.Equal("你好 Ann 你好 Ann", await _harness.SendGroupAsync("greet Ann"));

    [Fact]
    public async Task Dispatch_OptionalArgumentGiven_UsesIt() =>
        Assert.Equal("你好 Ann", await _harness.SendGroupAsync("greet Ann 1"));

    [Fact]
    public async Task Dispatch_PositiveIntegerZero_IsInvalid() =>
        Assert.Equal("参数 times 输入无效，请提供一个正整数。", await _harness.SendGroupAsync("greet Ann 0"));

    [Fact]
    public async Task Dispatch_QuotedArgument_KeepsSpaces() =>
        Assert.Equal("你好 Ann Lee", await _harness.SendGroupAsync("greet \"Ann Lee\" 1"));

    [Fact]
    public async Task Dispatch_TextArgument_TakesTheRest() =>
        Assert.Equal("hello there world", await _harness.SendGroupAsync("say hello there world"));

    [Fact]
    public async Task Dispatch_VariadicArgument_CollectsEveryToken() =>
        Assert.Equal("3", await _harness.SendGroupAsync("count a b c"));

    [Fact]
    public async Task Dispatch_InjectedSessionAndEvent_AreTheCurrentOnes() =>
        Assert.Equal("42@777", await _harness.SendGroupAsync("whoami", groupId: 777, userId: 42));

    [Fact]
    public async Task Dispatch_GroupEventParameterInPrivateChat_SaysItNeedsAGroup() =>
        Assert.Equal("此指令只能在群聊中使用。", await _harness.SendPrivateAsync("whoami"));

    [Fact]
    public async Task Dispatch_PrivateEventParameterInGroup_SaysItNeedsAPrivateChat() =>
        Assert.Equal("此指令只能在私聊中使用。", await _harness.SendGroupAsync("inbox"));

    [Fact]
    public async Task Dispatch_PrivateEventParameterInPrivateChat_Runs() =>
        Assert.Equal("42", await _harness.SendPrivateAsync("inbox", userId: 42));

    [Fact]
    public async Task Dispatch_GroupEventParameterInPrivateChat_EnglishTexts_UsesEnglish()
    {
        _harness.Dispatcher.Texts = CommandTexts.English;
        Assert.Equal("This command can only be used in a group chat.", await _harness.SendPrivateAsync("whoami"));
    }

    [Fact]
    public async Task Dispatch_PrivateEventParameterInGroup_EnglishTexts_UsesEnglish()
    {
        _harness.Dispatcher.Texts = CommandTexts.English;
        Assert.Equal("This command can only be used in a private chat.", await _harness.SendGroupAsync("inbox"));
    }

    [Fact]
    public async Task Dispatch_HandlerThrows_RepliesUnknownErrorAndKeepsWorking()
    {
        Assert.Equal("发生未知错误。", await _harness.SendGroupAsync("boom"));
        Assert.Equal("5", await _harness.SendGroupAsync("add 2 3"));
    }

    [Fact]
    public async Task Dispatch_VoidHandler_SendsNothing() =>
        Assert.Null(await _harness.SendGroupAsync("quiet"));

    [Fact]
    public async Task Dispatch_AsyncMessageHandler_RepliesWithMessage() =>
        Assert.Equal("done", await _harness.SendGroupAsync("later"));

    [Fact]
    public async Task Dispatch_UnknownCommand_SendsNothing() =>
        Assert.Null(await _harness.SendGroupAsync("nosuchcommand 1"));

    [Fact]
    public async Task Dispatch_ReplyInGroup_GoesToThatGroup()
    {
        await _harness.Dispatcher.DispatchAsync(new Session(TestEvents.GroupMessage(555, 42, "add 1 1"), _harness.Bot, _harness.Services));
        Assert.True(_harness.Transport.Calls.TryDequeue(out var call));
        Assert.Equal("send_msg", call.Action);
        Assert.Equal("group", call.Parameters!["message_type"]!.GetValue<string>());
        Assert.Equal(555, call.Parameters!["group_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Dispatch_ReplyInPrivate_GoesToTheSender()
    {
        await _harness.Dispatcher.DispatchAsync(new Session(TestEvents.PrivateMessage(99, "add 1 1"), _harness.Bot, _harness.Services));
        Assert.True(_harness.Transport.Calls.TryDequeue(out var call));
        Assert.Equal("private", call.Parameters!["message_type"]!.GetValue<string>());
        Assert.Equal(99, call.Parameters!["user_id"]!.GetValue<long>());
    }

    [Fact]
    public void Registry_GeneratedTable_HasUsageAndDescription()
    {
        Assert.True(_harness.Dispatcher.Commands.TryGet("add", out var add));
        Assert.Equal("<a> <b>", add.Usage);
        Assert.Equal("Adds two integers", add.Description);
        Assert.Equal(["plus"], add.Aliases);
    }

    [Fact]
    public void Registry_DuplicateName_ThrowsNamingBothCommands()
    {
        var registry = new CommandRegistry();
        var signature = new CommandSignature([], []);
        registry.Add(new CommandDefinition("a", signature, _ => default) { Aliases = ["b"] });
        var error = Assert.Throws<InvalidOperationException>(() => registry.Add(new CommandDefinition("b", signature, _ => default)));
        Assert.Contains("'b'", error.Message);
        Assert.Contains("'a'", error.Message);
    }
}
