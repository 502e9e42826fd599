using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators.Tests;

public sealed class CommandGeneratorSnapshotTests
{
    internal const string DiceSource = """
        using CqBot;

        namespace Sample;

        public partial class Dice
        {
            [Command("roll <dice:string>", Description = "Roll dice", Aliases = ["r"])]
            public static string Roll(string dice) => dice;
        }
        """;

    internal const string KitchenSinkSource = """
        using System.Threading;
        using System.Threading.Tasks;
        using CqBot;

        namespace Sample.Tools;

        public interface IClock { long Now { get; } }

        public partial class Tools(IClock clock)
        {
            [Command("add <a:integer> <b:integer>")]
            public string Add(long a, int b) => (a + b + clock.Now).ToString();

            [Command("scale <factor:number> [times:posint]")]
            public static Task<string> Scale(double factor, int times = 3) => Task.FromResult((factor * times).ToString());

            [Command("toggle [on]")]
            public static Message Toggle(bool? on) => on == true ? "on" : "off";

            [Command("say <text:text>")]
            public static ValueTask<Message> Say(string text, Session session, CancellationToken cancellationToken) => new(text);

            [Command("count [...words]")]
            public static void Count(string[] words, GroupMessageEvent group, IBot bot) { }

            [Command("repeat <word>", Aliases = ["rp", "again twice"], Hidden = true, Examples = ["repeat hi -t 2"])]
            [Option("times", "-t, --times <count:posint>", Description = "how often")]
            [Option("loud", "-l")]
            [Option("mode", "-m [mode]")]
            [Option("mode", "-A", Value = "adv")]
            [Shortcut("again", Fuzzy = true)]
            public static string Repeat(string word, int times = 2, bool loud = false, string mode = "plain") => word;

            [Check("repeat")]
            public static async Task<bool> NotTooOften(Session session) { await Task.Yield(); return true; }

            [Check]
            public string? Everywhere(CommandContext context) => null;

            [Command("kick <target:user>")]
            public static QuickOperation Kick(long target) => new() { Kick = true };

            [Command("mute")]
            public static Task<QuickOperation> Mute() => Task.FromResult(new QuickOperation { Ban = true });

            [Command("write [text]")]
            [Option("note", "-n <note>")]
            public static string Write(string? text, string? note) => text ?? note ?? "";
        }
        """;

    internal const string LimitsSource = """
        using CqBot;

        namespace Sample;

        public partial class Moderation
        {
            [Command("ban <target:user>", Authority = 3, MaxUsage = 10, MinInterval = "5m")]
            public static string Ban(long target) => "banned";

            [Command("sign", MinInterval = "1.02:00:00")]
            public static string Sign() => "signed";
        }
        """;

    [Fact]
    public void Generate_DiceCommand_MatchesSnapshot()
    {
        var (result, _, _) = GeneratorRunner.Run(DiceSource);
        Snapshot.Match("Dice", result);
    }

    [Fact]
    public void Generate_EveryArgumentKindAndReturnKind_MatchesSnapshot()
    {
        var (result, _, _) = GeneratorRunner.Run(KitchenSinkSource);
        Snapshot.Match("KitchenSink", result);
    }

    [Fact]
    public void Generate_KitchenSink_CompilesWithoutWarnings()
    {
        var (_, output, diagnostics) = GeneratorRunner.Run(KitchenSinkSource);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Generate_AuthorityUsageAndInterval_MatchesSnapshot()
    {
        var (result, _, diagnostics) = GeneratorRunner.Run(LimitsSource);
        Assert.Empty(diagnostics);
        Snapshot.Match("Limits", result);
    }

    [Fact]
    public void Generate_NoCommands_EmitsNothing()
    {
        var (result, _, _) = GeneratorRunner.Run("public partial class Empty { public void M() { } }");
        Assert.Empty(result.Results.SelectMany(r => r.GeneratedSources));
    }

    [Fact]
    public void Generate_CommandsInTwoClasses_OneFilePerClassAndOneTable()
    {
        var (result, _, _) = GeneratorRunner.Run(DiceSource, KitchenSinkSource);
        var hints = result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["CqBot.Declarations.g.cs", "CqBot.GeneratedCommands.g.cs", "Sample.Dice.Commands.g.cs", "Sample.Tools.Tools.Commands.g.cs"], hints);
    }
}
