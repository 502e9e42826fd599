using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CqBot.Generators.Tests;

public sealed class PluginGeneratorTests
{
    public const string LibrarySource = """
        using CqBot;

        namespace Weather;

        [Plugin("weather")]
        public sealed partial class WeatherPlugin;

        public partial class WeatherCommands
        {
            [Command("weather <city>")]
            public static string Forecast(string city) => city + ": sunny";

            [OnNotice("group_increase")]
            public static string Welcome(GroupIncreaseNotice notice) => "hello";
        }
        """;

    public const string ProgramSource = """
        using CqBot;
        using CqBot.Hosting;

        var builder = BotApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Run();

        public partial class Dice
        {
            [Command("roll <dice>")]
            public static string Roll(string dice) => dice;
        }
        """;

    public const string SettingsSource = """
        using System;
        using CqBot;

        namespace Weather;

        public enum Units { Metric, Imperial }

        public sealed class WeatherSettings
        {
            public string ApiKey { get; set; } = "";
            public bool Verbose { get; set; }
            public int Days { get; set; } = 3;
            public long Owner { get; set; }
            public double Threshold { get; set; }
            public TimeSpan CacheFor { get; set; }
            public Uri? Endpoint { get; set; }
            public Units Units { get; set; }
            public string[] Cities { get; set; } = [];
            public long[] Groups { get; set; } = [];
            public string ReadOnly => "";
            public string Fixed { get; init; } = "";
        }

        [Plugin("weather")]
        public sealed partial class WeatherPlugin : BotPlugin<WeatherSettings>;

        public partial class WeatherCommands
        {
            [Command("weather <city>")]
            public static string Forecast(string city, WeatherSettings settings) => city + settings.Days;
        }
        """;

    private static GeneratorRunResult PluginRun(GeneratorDriverRunResult result) =>
        result.Results.Single(run => run.Generator.GetGeneratorType() == typeof(PluginGenerator));

    [Fact]
    public void Generate_PluginClass_MatchesSnapshot()
    {
        var (result, _, _) = GeneratorRunner.Run(LibrarySource);
        Snapshot.Match("Plugin", result);
    }

    [Fact]
    public void Generate_PluginClass_CompilesWithoutWarnings()
    {
        var (_, output, diagnostics) = GeneratorRunner.Run(LibrarySource);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Generate_PluginClass_DerivesFromBotPluginAndOwnsTheDeclarations()
    {
        var (_, output, _) = GeneratorRunner.Run(LibrarySource);
        var plugin = output.GetTypeByMetadataName("Weather.WeatherPlugin")!;
        Assert.Equal("CqBot.BotPlugin", plugin.BaseType!.ToDisplayString());
        Assert.Null(output.GetTypeByMetadataName("CqBot.Generated.ApplicationPlugin"));
    }

    [Fact]
    public void Generate_ProgramCallingCreateBuilder_InterceptsItToAddTheApplicationPlugin()
    {
        var compilation = CompilationFactory.Create(OutputKind.ConsoleApplication, ProgramSource);
        var driver = GeneratorRunner.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Snapshot.Match("ApplicationEntry", driver.GetRunResult());
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Generate_ProgramWithoutDeclarations_StillAddsNothingAndEmitsNothing()
    {
        var (result, _, _) = GeneratorRunner.Run("""
            public static class Plain { public static int Twice(int x) => x * 2; }
            """);
        Assert.Empty(PluginRun(result).GeneratedSources);
    }

    [Fact]
    public void Generate_PluginWithSettings_MatchesSnapshotAndCompiles()
    {
        var (result, output, diagnostics) = GeneratorRunner.Run(SettingsSource);
        Snapshot.Match("PluginSettings", result);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void PluginSettingOfUnsupportedType_ReportsOnTheProperty()
    {
        var source = """
            public sealed class S { public System.Collections.Generic.Dictionary<string, int> Map { get; set; } = new(); }
            [CqBot.Plugin] public sealed partial class P : CqBot.BotPlugin<S>;
            """;
        var (_, _, diagnostics) = GeneratorRunner.Run(source);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CQB2203", diagnostic.Id);
        Assert.Equal("Map", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void PluginClassNotPartial_ReportsOnTheClassName()
    {
        var source = """
            [CqBot.Plugin] public sealed class Loose { }
            """;
        var (result, _, diagnostics) = GeneratorRunner.Run(source);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CQB2201", diagnostic.Id);
        Assert.Equal("Loose", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.DoesNotContain(PluginRun(result).GeneratedSources, s => s.HintName.Contains("Loose", StringComparison.Ordinal));
    }

    [Fact]
    public void PluginClassWithAnotherBase_IsReported()
    {
        var (_, _, diagnostics) = GeneratorRunner.Run("""
            public class Base { }
            [CqBot.Plugin] public sealed partial class Odd : Base { }
            """);
        Assert.Equal("CQB2201", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void TwoPluginClasses_TheSecondIsReported()
    {
        var source = """
            [CqBot.Plugin] public sealed partial class Alpha;
            [CqBot.Plugin] public sealed partial class Beta;
            """;
        var (_, _, diagnostics) = GeneratorRunner.Run(source);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CQB2202", diagnostic.Id);
        Assert.Equal("Beta", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void Rerun_MethodBodyEdited_PluginOutputCached()
    {
        var compilation = CompilationFactory.Create(LibrarySource);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees[0];
        var edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            tree.GetText().ToString().Replace("\": sunny\"", "\": rainy\"", StringComparison.Ordinal)));

        var second = PluginRun(driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult());

        foreach (var step in new[] { TrackingNames.AllPlugins, TrackingNames.DeclarationPresence, TrackingNames.PluginOutput })
        {
            Assert.All(second.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + o.Reason));
        }
    }

    [Fact]
    public void Rerun_PluginNameEdited_OutputModified()
    {
        var compilation = CompilationFactory.Create(LibrarySource);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees[0];
        var edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            tree.GetText().ToString().Replace("[Plugin(\"weather\")]", "[Plugin(\"forecast\")]", StringComparison.Ordinal)));

        var second = PluginRun(driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult());

        Assert.Contains(second.TrackedSteps[TrackingNames.PluginOutput].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Models_ObjectGraph_HoldsNoRoslynObjects()
    {
        var compilation = CompilationFactory.Create(OutputKind.ConsoleApplication, ProgramSource, LibrarySource.Replace("[Plugin(\"weather\")]", "", StringComparison.Ordinal));
        var run = PluginRun(GeneratorRunner.CreateDriver().RunGenerators(compilation).GetRunResult());
        var outputs = new[] { TrackingNames.PluginResults, TrackingNames.AllPlugins, TrackingNames.EntryCalls, TrackingNames.PluginOutput }
            .Where(run.TrackedSteps.ContainsKey)
            .SelectMany(step => run.TrackedSteps[step]).SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(outputs);
        foreach (var output in outputs)
        {
            ModelGraph.AssertPlain(output);
        }
    }
}
