using System.Collections.Immutable;
using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Generators.Tests;

/// <summary>
/// The usage errors of [Command], handler, [Plugin] and [OneBotAction] declarations come from the analyzers, at locations in the
/// compilation's own trees, so that the compiler's suppression mechanisms apply to them.
/// </summary>
public sealed class DeclarationAnalyzerTests
{
    private const string BrokenCommands = """
        using System.Threading.Tasks;
        using CqBot;

        public partial class Commands
        {
            [Command("roll <dice")] public static string Unclosed(string dice) => dice;

            [Command("count <n:integer>")] public static string Count(string n) => n;

            [Command("dice")] public static string Dice() => "";

            [Command("again", Aliases = ["dice"])] public static string Again() => "";
        }

        public class NotPartial
        {
            [Command("ping")] public static string Ping() => "pong";

            [OnMessage] public static string Hello() => "hi";
        }

        public partial class Handlers
        {
            [OnMessage] public static int Count() => 1;

            [Middleware] public static Task Wrong(Session session) => Task.CompletedTask;
        }
        """;

    private const string BrokenPlugins = """
        [CqBot.Plugin] public class NotPartialPlugin { }

        [CqBot.Plugin] public partial class First { }

        [CqBot.Plugin] public partial class Second { }
        """;

    private const string BrokenActions = """
        public static class Api
        {
            [CqBot.OneBotAction("get_nothing")]
            public static System.Threading.Tasks.Task GetNothing(this CqBot.IBot bot) => System.Threading.Tasks.Task.CompletedTask;
        }
        """;

    private const string MismatchedParameter = """
        public partial class C
        {
        #pragma warning disable CQB2004
            [CqBot.Command("roll <count:integer>")] public static string Roll(string count) => count;
        #pragma warning restore CQB2004
        }
        """;

    [Fact]
    public void Generators_BrokenDeclarations_ReportNoneOfTheAnalyzersIds()
    {
        var (_, _, diagnostics) = GeneratorRunner.RunGenerators(BrokenCommands, BrokenPlugins, BrokenActions);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("CQB2", StringComparison.Ordinal));

        var (_, _, withAnalyzers) = GeneratorRunner.Run(BrokenCommands, BrokenPlugins, BrokenActions);
        Assert.Contains(withAnalyzers, d => d.Id == "CQB2201");
        Assert.Contains(withAnalyzers, d => d.Id == "CQB2202");
        Assert.Contains(withAnalyzers, d => d.Id == "CQB2301");
    }

    [Fact]
    public void Analyzers_BrokenDeclarations_ReportEachAtALocationOfTheCompilation()
    {
        var compilation = CompilationFactory.Create(BrokenCommands);
        var diagnostics = GeneratorRunner.AnalyzerDiagnostics(compilation);
        Assert.Equal(
            ["CQB2001", "CQB2004", "CQB2005", "CQB2005", "CQB2011", "CQB2101", "CQB2102"],
            diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d =>
        {
            Assert.True(d.Location.IsInSource);
            Assert.Same(compilation.SyntaxTrees.Single(), d.Location.SourceTree);
        });
    }

    [Theory]
    [InlineData("CQB2011")]
    [InlineData("CQB2202")]
    public void CompilationWideChecks_AreCompilationEndDiagnostics(string id)
    {
        var descriptor = GeneratorRunner.Analyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, descriptor.CustomTags);
    }

    [Fact]
    public async Task PragmaWarningDisable_SuppressesTheDiagnostic()
    {
        var compilation = CompilationFactory.Create(MismatchedParameter);
        Assert.Empty(GeneratorRunner.AnalyzerDiagnostics(compilation));

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        var all = await compilation.WithAnalyzers(GeneratorRunner.Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var suppressed = Assert.Single(all);
        Assert.Equal("CQB2004", suppressed.Id);
        Assert.True(suppressed.IsSuppressed);
    }

    [Fact]
    public void WithoutPragma_TheDiagnosticIsReported()
    {
        var compilation = CompilationFactory.Create(MismatchedParameter.Replace("#pragma warning disable CQB2004", "").Replace("#pragma warning restore CQB2004", ""));
        var diagnostic = Assert.Single(GeneratorRunner.AnalyzerDiagnostics(compilation));
        Assert.Equal("CQB2004", diagnostic.Id);
        Assert.False(diagnostic.IsSuppressed);
    }

    [Fact]
    public void SeverityNone_TurnsTheDiagnosticOff()
    {
        var compilation = CompilationFactory.Create(MismatchedParameter.Replace("#pragma warning disable CQB2004", "").Replace("#pragma warning restore CQB2004", ""));
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("CQB2004", ReportDiagnostic.Suppress)));
        Assert.Empty(GeneratorRunner.AnalyzerDiagnostics(compilation));
    }
}
