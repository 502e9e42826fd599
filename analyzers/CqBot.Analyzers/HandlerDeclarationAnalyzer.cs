using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CqBot.Generators.Model;
using CqBot.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Analyzers;

/// <summary>
/// Checks every <c>[OnMessage]</c>, <c>[OnNotice]</c>, <c>[OnRequest]</c>, <c>[OnMetaEvent]</c> and
/// <c>[Middleware]</c> method with the generator's own parser, and reports what keeps the generator from
/// generating it (CQB2005, CQB2012, CQB2101, CQB2102).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DeclarationDiagnostics.TypeNotPartial,
        DeclarationDiagnostics.UnsupportedContainingType,
        DeclarationDiagnostics.UnsupportedHandlerReturnType,
        DeclarationDiagnostics.InvalidMiddlewareSignature);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var attributes = new List<(INamedTypeSymbol Attribute, string? PostType)>();
            foreach (var (name, postType) in AttributeNames.Handlers)
            {
                if (start.Compilation.GetTypeByMetadataName(name) is { } attribute)
                {
                    attributes.Add((attribute, postType));
                }
            }
            if (attributes.Count == 0)
            {
                return;
            }
            var known = WellKnownTypes.From(start.Compilation);
            var positions = new SourcePositions(start.Compilation);
            // Per type, not per method: the class diagnostics (CQB2005, CQB2012) then fall inside the analyzed
            // symbol, which makes them local diagnostics that code fixes can fix.
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, attributes, known, positions), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, List<(INamedTypeSymbol Attribute, string? PostType)> handlers, WellKnownTypes known, SourcePositions positions)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var reported = new HashSet<DiagnosticInfo>();
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method)
            {
                AnalyzeMethod(context, method, handlers, known, positions, reported);
            }
        }
    }

    // Like the generator, each handler attribute class is parsed on its own, with all its attributes.
    private static void AnalyzeMethod(
        SymbolAnalysisContext context,
        IMethodSymbol method,
        List<(INamedTypeSymbol Attribute, string? PostType)> handlers,
        WellKnownTypes known,
        SourcePositions positions,
        HashSet<DiagnosticInfo> reported)
    {
        var applied = method.GetAttributes();
        if (applied.IsEmpty)
        {
            return;
        }
        foreach (var (attributeClass, postType) in handlers)
        {
            var builder = ImmutableArray.CreateBuilder<AttributeData>();
            foreach (var attribute in applied)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass)
                    && SourcePositions.DeclarationOf(attribute, context.CancellationToken) is not null)
                {
                    builder.Add(attribute);
                }
            }
            if (builder.Count == 0)
            {
                continue;
            }
            var result = HandlerGenerator.Parser.Parse(method, builder.ToImmutable(), postType, known, context.CancellationToken);
            // A class that cannot hold generated code is reported once, not once per handler.
            positions.Report(context.ReportDiagnostic, result.Diagnostics.Where(reported.Add), method);
        }
    }
}
