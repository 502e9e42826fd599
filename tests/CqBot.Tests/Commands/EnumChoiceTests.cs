using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Tests.Commands;

public sealed class EnumChoiceTests
{
    private readonly DispatchHarness _harness = new(services => services.AddSingleton(new FlowLog()));

    [Fact]
    public async Task InvalidEnumArgument_ErrorListsTheAllowedValues() =>
        Assert.Equal("参数 mood 输入无效，请输入以下值之一：Happy、Grumpy。", await _harness.SendPrivateAsync("paint sleepy"));

    [Fact]
    public async Task InvalidEnumOption_ErrorListsTheAllowedValues() =>
        Assert.Equal("选项 finish 输入无效，请输入以下值之一：Matte、Gloss。", await _harness.SendPrivateAsync("paint happy -f rough"));

    [Fact]
    public async Task InvalidEnumArgument_English_ListsTheValuesInEnglish()
    {
        _harness.Dispatcher.Texts = CommandTexts.English;

        Assert.Equal("Invalid argument mood, Expect one of: Happy, Grumpy.", await _harness.SendPrivateAsync("paint sleepy"));
    }

    [Fact]
    public async Task ValidEnumValues_AnyCase_Bind() =>
        Assert.Equal("Grumpy/Gloss", await _harness.SendPrivateAsync("paint GRUMPY -f gloss"));

    [Fact]
    public async Task Help_ShowsTheAllowedValuesOfArgumentsAndOptions()
    {
        var help = await _harness.SendPrivateAsync("paint -h");

        Assert.Contains("\n参数 mood 的可选值：Happy、Grumpy", help, StringComparison.Ordinal);
        Assert.Contains("-f, --finish <finish>  表面（可选值：Matte、Gloss）", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Declarations_CarryTheEnumMembers()
    {
        var paint = _harness.Dispatcher.Commands.Commands.First(c => c.Name == "paint");

        Assert.Equal(["Happy", "Grumpy"], paint.Signature.Arguments[0].Choices);
        Assert.Equal(["Matte", "Gloss"], paint.Signature.Options[0].Choices);
    }
}
