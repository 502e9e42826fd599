using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Generators.Tests.Support;

/// <summary>Runs the generators the way the compiler does, with step tracking on, and the analyzers beside them.</summary>
internal static class GeneratorRunner
{
    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new CommandGenerator().AsSourceGenerator(), new HandlerGenerator().AsSourceGenerator(), new PluginGenerator().AsSourceGenerator(), new ActionGenerator().AsSourceGenerator()],
        parseOptions: CompilationFactory.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Every analyzer of CqBot.Analyzers, as the compiler loads them next to the generators.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
    [
        .. typeof(CqBot.Analyzers.CommandDeclarationAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
    ];

    /// <summary>
    /// Runs the generators, then the analyzers on the compilation as written; <c>Diagnostics</c> holds what
    /// both report, the generators' first.
    /// </summary>
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(params string[] sources)
    {
        var (result, output, generatorDiagnostics) = RunGenerators(sources);
        var analyzerDiagnostics = AnalyzerDiagnostics(CompilationFactory.Create(sources));
        return (result, output, generatorDiagnostics.AddRange(analyzerDiagnostics));
    }

    /// <summary>Runs the generators alone: <c>Diagnostics</c> holds only what they report.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) RunGenerators(params string[] sources)
    {
        var compilation = CompilationFactory.Create(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>What the analyzers report on <paramref name="compilation"/>, suppressed diagnostics left out.</summary>
    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation) =>
        compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
}
