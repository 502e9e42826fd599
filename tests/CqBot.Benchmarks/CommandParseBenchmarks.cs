using System.CommandLine;
using BenchmarkDotNet.Attributes;
using CqBot.Infrastructure;

namespace CqBot.Benchmarks;

/// <summary>
/// Finding, parsing and binding <c>roll 2d6 -t 3</c> against the same command shape in System.CommandLine.
/// The CqBot side does what the runtime does for an incoming line once the prefix is gone: it finds
/// the command by name in a <see cref="CommandRegistry"/> as the command middleware does, parses the
/// rest with the command's signature, and binds the typed values as the generated handler for
/// <c>[Command("roll &lt;dice:string&gt;")] [Option("times", "-t, --times &lt;count:posint&gt;")] int times = 1</c>
/// does (see the generator's snapshots). System.CommandLine's Parse likewise finds the <c>roll</c>
/// subcommand before it parses.
/// </summary>
[MemoryDiagnoser]
public class CommandParseBenchmarks
{
    private const string Input = "roll 2d6 -t 3";

    // As the generator emits it for the declaration above.
    private static readonly CommandSignature Signature = new(
        new ArgumentDeclaration[]
        {
            new("dice", CommandValueKind.String, true, false),
        },
        new OptionDeclaration[]
        {
            new("times", new string[] { "-t", "--times" }, CommandValueKind.PositiveInteger, true, true, "count"),
        },
        strictOptions: false);

    private readonly Argument<string> _dice = new("dice");
    private readonly Option<int> _times = new("--times", "-t") { DefaultValueFactory = _ => 1 };
    private RootCommand _root = null!;
    private CommandRegistry _registry = null!;

    [GlobalSetup]
    public void Setup()
    {
        var roll = new System.CommandLine.Command("roll") { _dice, _times };
        _root = new RootCommand { roll };

        // A registry the size of a small bot's, so the lookup is not a one-entry table.
        _registry = new CommandRegistry();
        _registry.Add(new CommandDefinition("roll", Signature, static _ => default) { Aliases = new string[] { "r" }, Usage = "<dice>" });
        foreach (var name in (string[])["echo", "help", "weather", "remind", "ban", "kick", "poll", "quote"])
        {
            _registry.Add(new CommandDefinition(name, new CommandSignature([], []), static _ => default));
        }
        if (SystemCommandLine() != 6 || CqBot() != 6)
        {
            throw new InvalidOperationException("The two sides disagree on the input.");
        }
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
        // What the command middleware does after the prefix: the name up to the first space, looked up.
        var source = Input;
        var i = 0;
        while (i < source.Length && !char.IsWhiteSpace(source[i]))
        {
            i++;
        }
        if (!_registry.TryGet(source.AsSpan(0, i), out var command, out _))
        {
            return -1;
        }

        // What the generated handler does: parse from after the name, then bind the typed values.
        using var parsed = CommandParser.Parse(command.Signature, source, i);
        if (parsed.Error is not null)
        {
            return -2;
        }
        if (parsed.HelpRequested)
        {
            return -3;
        }
        string p_dice = default!;
        if (parsed.ArgumentCount > 0)
        {
            var v_dice = parsed.GetArgument(0);
            p_dice = v_dice.Text;
        }
        int p_times = 1;
        if (parsed.GetOption(0) is { HasText: true } v_times)
        {
            if (v_times.Integer is < int.MinValue or > int.MaxValue)
            {
                return -4;
            }
            p_times = (int)v_times.Integer;
        }
        return p_dice.Length + p_times;
    }
}
