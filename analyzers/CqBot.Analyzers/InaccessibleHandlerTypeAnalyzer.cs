using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Analyzers;

/// <summary>
/// The generated registration lives outside the user's classes; a command, check, handler or middleware
/// inside a private or protected nested class cannot be reached from it, and the generated code would
/// fail to compile with an error that points at generated code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InaccessibleHandlerTypeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InaccessibleHandlerType);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var attributes = HandlerAttributes.Resolve(start.Compilation);
            if (attributes.IsEmpty)
            {
                return;
            }
            start.RegisterSymbolAction(symbol => Analyze(symbol, attributes), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, ImmutableArray<INamedTypeSymbol> attributes)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (HandlerAttributes.Find(method, attributes) is null)
        {
            return;
        }
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                var accessibility = type.DeclaredAccessibility switch
                {
                    Accessibility.Private => "private",
                    Accessibility.Protected => "protected",
                    _ => "private protected",
                };
                if (method.Locations.FirstOrDefault() is { IsInSource: true } location)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InaccessibleHandlerType, location, method.Name, type.Name, accessibility));
                }
                return;
            }
        }
    }
}
