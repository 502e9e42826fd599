using System.Collections.Immutable;
using System.Text;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using CqBot.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Benchmarks;

/// <summary>
/// Every CqBot analyzer over the generator benchmark's 500-command project, with a check and an event
/// handler per class and a middleware set-up: one full analysis, and the analysis of one edited file as
/// an IDE runs it while typing. Each run gets a compilation it has not seen, so binding is included.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private CSharpCompilation _compilation = null!;
    private SyntaxTree _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        _analyzers = [.. typeof(MiddlewareNextAnalyzer).Assembly.GetTypes()
            .Where(static type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .Select(static type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)];
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>();
        for (var c = 0; c < GeneratorBenchmarks.Classes; c++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(ClassSource(c, "n"), parse, path: $"Commands{c}.cs"));
        }
        _compilation = CSharpCompilation.Create(
            "Synthetic",
            trees,
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(Session).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _edited = CSharpSyntaxTree.ParseText(ClassSource(0, "n + 1"), parse, path: "Commands0.cs");
        var errors = _compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS0759" && d.Id != "CS8795").ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The synthetic project does not compile: " + errors[0]);
        }
    }

    /// <summary>How many analyzers run.</summary>
    public int AnalyzerCount => _analyzers.Length;

    /// <summary>The compiler's own diagnostics of the same fresh compilation: the binding every analysis pays too.</summary>
    [Benchmark(Baseline = true)]
    public int CompilerOnly() => _compilation.Clone().GetDiagnostics().Length;

    [Benchmark]
    public async Task<int> FullAnalysis()
    {
        var analyzed = _compilation.Clone().WithAnalyzers(_analyzers);
        return (await analyzed.GetAnalyzerDiagnosticsAsync()).Length;
    }

    [Benchmark]
    public async Task<int> EditedFile()
    {
        var compilation = _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees[0], _edited);
        var analyzed = compilation.WithAnalyzers(_analyzers);
        var model = compilation.GetSemanticModel(_edited);
        var syntax = await analyzed.GetAnalyzerSyntaxDiagnosticsAsync(_edited, CancellationToken.None);
        var semantic = await analyzed.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
        return syntax.Length + semantic.Length;
    }

    // The generator benchmark's commands, plus what the analyzers look at: a check, an event handler, a middleware and a blocking call.
    private static string ClassSource(int index, string body)
    {
        var source = new StringBuilder(GeneratorBenchmarks.ClassSource(index, body));
        source.Length -= 2;
        source.Append($"    [Check(\"cmd{index}x0\")]\n    public static string? Guard{index}(Session session) => session.IsGroup ? null : \"groups only\";\n");
        source.Append($"    [OnNotice(\"group_increase\")]\n    public static string Welcome{index}(GroupIncreaseNotice e) => \"welcome \" + e.UserId;\n");
        source.Append($"    public static void Configure{index}(EventDispatcher dispatcher) => dispatcher.Use(async (session, next) => session.Content == \"ping\" ? \"pong\" : await next());\n");
        source.Append("}\n");
        return source.ToString();
    }
}
