using System.Text.Json;

namespace CqBot.Tests.Commands.Conformance;

/// <summary>The stringify cases of commands.json: a command line written back from arguments and options.</summary>
public sealed class StringifyConformanceTests
{
    public static IEnumerable<object[]> Cases => KoishiCase.Ids("stringify");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Format_KoishiCase_MatchesOutput(string id)
    {
        var @case = KoishiCase.Get(id);
        var input = @case.Json.GetProperty("input");
        var name = @case.Json.GetProperty("declaration").GetString()!.Split(' ')[0];
        var arguments = input.GetProperty("args").EnumerateArray().Select(a => a.ToString());
        var options = input.GetProperty("options").EnumerateObject().Select(o => new KeyValuePair<string, object?>(o.Name, o.Value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => o.Value.GetDouble(),
            _ => o.Value.GetString(),
        }));

        Assert.Equal(@case.Json.GetProperty("expect").GetProperty("output").GetString(), CommandLine.Format(name, arguments, options));
    }

    [Fact]
    public void Format_ValueWithSpace_IsQuoted() =>
        Assert.Equal("say \"a b\" --to \"x y\"", CommandLine.Format("say", ["a b"], [new("to", "x y")]));
}
