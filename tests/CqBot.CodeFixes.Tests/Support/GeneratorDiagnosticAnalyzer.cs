using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using CqBot.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.CodeFixes.Tests.Support;

/// <summary>
/// Runs the generators over the compilation and reports their diagnostics in the source, so the code
/// fix harness sees them as the IDE does.
/// </summary>
/// <remarks>Only the test harness runs it, never a compiler: the rules for shipped compiler extensions do not apply.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1036", Justification = "Runs in tests only.")]
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1038", Justification = "Runs in tests only.")]
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1041", Justification = "Runs in tests only.")]
public sealed class GeneratorDiagnosticAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        GeneratorDiagnostics.ArgumentWithoutParameter,
        GeneratorDiagnostics.TypeNotPartial,
        GeneratorDiagnostics.InvalidPluginClass,
    ];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // One run per compilation; each tree's diagnostics are reported from that tree, as local
            // diagnostics, which is what a code fix may fix.
            var run = new Lazy<ImmutableArray<Diagnostic>>(() => RunGenerators(start.Compilation, start.CancellationToken));
            start.RegisterSemanticModelAction(model => Report(model, run.Value));
        });
    }

    private static ImmutableArray<Diagnostic> RunGenerators(Compilation compilation, CancellationToken cancellationToken)
    {
        var parseOptions = compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions;
        CSharpGeneratorDriver.Create(
                [new CommandGenerator().AsSourceGenerator(), new HandlerGenerator().AsSourceGenerator(), new PluginGenerator().AsSourceGenerator()],
                parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics, cancellationToken);
        return diagnostics;
    }

    private void Report(SemanticModelAnalysisContext context, ImmutableArray<Diagnostic> diagnostics)
    {
        var tree = context.SemanticModel.SyntaxTree;
        foreach (var diagnostic in diagnostics)
        {
            // The generator reports positions by file path; the harness finds a diagnostic's document by its tree.
            if (!SupportedDiagnostics.Any(d => d.Id == diagnostic.Id) || diagnostic.Location.GetLineSpan().Path != tree.FilePath)
            {
                continue;
            }
            var message = diagnostic.GetMessage().Replace("{", "{{").Replace("}", "}}");
            var descriptor = new DiagnosticDescriptor(diagnostic.Id, diagnostic.Descriptor.Title, message, diagnostic.Descriptor.Category, diagnostic.Severity, isEnabledByDefault: true);
            context.ReportDiagnostic(Diagnostic.Create(descriptor, Location.Create(tree, diagnostic.Location.SourceSpan), diagnostic.Properties));
        }
    }
}
