using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Analyzers;

/// <summary>
/// An event handler runs only for events of its parameter's type, among the events of its attribute's
/// post type: <c>[OnRequest]</c> with a <c>GroupIncreaseNotice</c> parameter would never run.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerEventTypeAnalyzer : DiagnosticAnalyzer
{
    private static readonly (string Attribute, string Event)[] s_kinds =
    [
        ("CqBot.OnMessageAttribute", "CqBot.MessageEvent"),
        ("CqBot.OnNoticeAttribute", "CqBot.NoticeEvent"),
        ("CqBot.OnRequestAttribute", "CqBot.RequestEvent"),
        ("CqBot.OnMetaEventAttribute", "CqBot.MetaEvent"),
    ];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HandlerEventTypeMismatch);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var eventType = start.Compilation.GetTypeByMetadataName("CqBot.Event");
            var kinds = ImmutableArray.CreateBuilder<(INamedTypeSymbol Attribute, INamedTypeSymbol Event)>();
            foreach (var (attribute, @event) in s_kinds)
            {
                if (start.Compilation.GetTypeByMetadataName(attribute) is { } a && start.Compilation.GetTypeByMetadataName(@event) is { } e)
                {
                    kinds.Add((a, e));
                }
            }
            if (eventType is null || kinds.Count == 0)
            {
                return;
            }
            var known = kinds.ToImmutable();
            start.RegisterSymbolAction(symbol => Analyze(symbol, eventType, known), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol eventType, ImmutableArray<(INamedTypeSymbol Attribute, INamedTypeSymbol Event)> kinds)
    {
        var method = (IMethodSymbol)context.Symbol;
        foreach (var attribute in method.GetAttributes())
        {
            foreach (var (attributeType, handled) in kinds)
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    continue;
                }
                foreach (var parameter in method.Parameters)
                {
                    // Event itself, or a base of the handled kind, is fine; a type of another kind never comes.
                    if (parameter.Type is INamedTypeSymbol type && DerivesFrom(type, eventType)
                        && !DerivesFrom(type, handled) && !DerivesFrom(handled, type))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.HandlerEventTypeMismatch,
                            parameter.Locations.Length > 0 ? parameter.Locations[0] : method.Locations[0],
                            method.Name,
                            attributeType.Name.Replace("Attribute", ""),
                            type.Name,
                            handled.Name));
                    }
                }
            }
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }
        return false;
    }
}
