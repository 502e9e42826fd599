using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Analyzers;

/// <summary>
/// A command, check, event handler or middleware declared <c>async void</c> cannot be awaited: the
/// bot would answer before it finished, and an exception in it would end the process instead of being
/// logged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AsyncVoidHandlerAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] s_attributes =
    [
        "CqBot.CommandAttribute", "CqBot.CheckAttribute", "CqBot.OnMessageAttribute", "CqBot.OnNoticeAttribute",
        "CqBot.OnRequestAttribute", "CqBot.OnMetaEventAttribute", "CqBot.MiddlewareAttribute",
    ];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.AsyncVoidHandler);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in s_attributes)
            {
                if (start.Compilation.GetTypeByMetadataName(name) is { } type)
                {
                    builder.Add(type);
                }
            }
            if (builder.Count == 0)
            {
                return;
            }
            var attributes = builder.ToImmutable();
            start.RegisterSymbolAction(symbol => Analyze(symbol, attributes), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, ImmutableArray<INamedTypeSymbol> attributes)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!method.IsAsync || !method.ReturnsVoid)
        {
            return;
        }
        foreach (var attribute in method.GetAttributes())
        {
            foreach (var known in attributes)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known))
                {
                    var location = method.DeclaringSyntaxReferences.Length > 0 && method.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is MethodDeclarationSyntax syntax
                        ? syntax.ReturnType.GetLocation()
                        : method.Locations[0];
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AsyncVoidHandler, location, method.Name, known.Name.Replace("Attribute", "")));
                    return;
                }
            }
        }
    }
}
