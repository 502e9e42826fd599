using System.Text.Json;
using CqBot.Hosting.Configuration;
using CqBot.Hosting.Sandbox;

namespace CqBot.Tests.Hosting;

public sealed class SandboxTests
{
    [Theory]
    [InlineData("hello", "hello")]
    [InlineData("[CQ:at,qq=10001] hi", "[@10001] hi")]
    [InlineData("[CQ:at,qq=all]", "[@all]")]
    [InlineData("[CQ:image,file=a.png]", "[image: a.png]")]
    [InlineData("[CQ:face,id=14]ok", "[face: 14]ok")]
    [InlineData("[CQ:reply,id=7][CQ:shake]", "[reply: 7][shake]")]
    public void CqCodeMessages_AreRenderedReadably(string cqCode, string expected)
    {
        using var document = JsonDocument.Parse("\"" + JsonEncodedText.Encode(cqCode) + "\"");

        Assert.Equal(expected, SandboxApi.Render(document.RootElement));
    }

    [Fact]
    public void SegmentArrays_AreRenderedReadably()
    {
        using var document = JsonDocument.Parse("""
            [{"type":"at","data":{"qq":10001}},{"type":"text","data":{"text":" rolled "}},
             {"type":"image","data":{"file":"dice.png","url":"http://x/dice.png"}},{"type":"face","data":{"id":"14"}}]
            """);

        Assert.Equal("[@10001] rolled [image: dice.png][face: 14]", SandboxApi.Render(document.RootElement));
    }

    [Theory]
    [InlineData(new[] { "sandbox" }, true)]
    [InlineData(new[] { "sandbox", "--prefix", "/" }, true)]
    [InlineData(new[] { "--prefix", "/", "sandbox" }, true)]
    [InlineData(new[] { "--prefix", "/" }, false)]
    [InlineData(new string[0], false)]
    public void TheSandboxVerb_IsOptional_AndTakesTheOptions(string[] args, bool sandbox)
    {
        var settings = new BotCommandLine().Parse(args, TextWriter.Null)!;

        Assert.Equal(sandbox, settings.Sandbox);
        Assert.Equal(args.Contains("/") ? "/" : null, settings.Settings.GetValueOrDefault("CqBot:Prefixes:0"));
    }

    [Fact]
    public void Help_ListsTheSandboxVerb()
    {
        var output = new StringWriter();

        Assert.Null(new BotCommandLine().Parse(["--help"], output));
        Assert.Contains("sandbox", output.ToString());
    }
}
