using System.CommandLine;
using BenchmarkDotNet.Attributes;

namespace CqBot.Benchmarks;

/// <summary>
/// Parsing and binding <c>roll 2d6 -t 3</c>: CqBot's parser with the signature the generator emits for
/// <c>[Command("roll &lt;dice:string&gt;")] [Option("times", "-t, --times &lt;count:posint&gt;")]</c>, against
/// the same command shape in System.CommandLine.
/// </summary>
[MemoryDiagnoser]
public class CommandParseBenchmarks
{
    private const string Input = "roll 2d6 -t 3";

    private static readonly CommandSignature Signature = new(
        [new ArgumentDeclaration("dice", CommandValueKind.String, Required: true)],
        [new OptionDeclaration("times", ["-t", "--times"], CommandValueKind.PositiveInteger, takesValue: true, valueRequired: true, valueName: "count")]);

    private readonly Argument<string> _dice = new("dice");
    private readonly Option<int> _times = new("--times", "-t") { DefaultValueFactory = _ => 1 };
    private RootCommand _root = null!;

    [GlobalSetup]
    public void Setup()
    {
        var roll = new System.CommandLine.Command("roll") { _dice, _times };
        _root = new RootCommand { roll };
    }

    [Benchmark(Baseline = true)]
    public int SystemCommandLine()
    {
        var result = _root.Parse(Input);
        return result.GetValue(_dice)!.Length + result.GetValue(_times);
    }

    [Benchmark]
    public int CqBot()
    {
        // What a generated handler does: parse from after the name, then read the typed values.
        using var parsed = CommandParser.Parse(Signature, Input, 4);
        var dice = parsed.GetArgument(0).Text;
        var times = parsed.GetOption(0) is { HasText: true } value ? (int)value.Integer : 1;
        return dice.Length + times;
    }
}
