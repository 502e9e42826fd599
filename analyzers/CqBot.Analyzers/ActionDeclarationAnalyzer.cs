using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CqBot.Generators;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Analyzers;

/// <summary>
/// Checks every <c>[OneBotAction]</c> method with the generator's own parser, and reports what keeps the
/// generator from generating it (CQB2301–CQB2306).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ActionDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        DeclarationDiagnostics.Supported.Where(static d => d.Id.StartsWith("CQB23", System.StringComparison.Ordinal)).ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var action = start.Compilation.GetTypeByMetadataName(AttributeNames.OneBotAction);
            if (action is null)
            {
                return;
            }
            var known = WellKnownTypes.From(start.Compilation);
            var positions = new SourcePositions(start.Compilation);
            // Per type, as the other declaration analyzers: what is reported falls inside the analyzed symbol.
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, action, known, positions), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol action, WellKnownTypes known, SourcePositions positions)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var reported = new HashSet<DiagnosticInfo>();
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol method)
            {
                continue;
            }
            foreach (var attribute in method.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, action))
                {
                    continue;
                }
                // The generator reads the first [OneBotAction] of a method declaration; so does this.
                if (SourcePositions.DeclarationOf(attribute, context.CancellationToken) is { } declaration)
                {
                    var result = ActionGenerator.Parser.Parse(method, attribute, declaration, known, context.CancellationToken);
                    // A result type shared by several actions is reported once.
                    positions.Report(context.ReportDiagnostic, result.Diagnostics.Where(reported.Add), method);
                }
                break;
            }
        }
    }
}
