using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Analyzers;

/// <summary>
/// A <c>[Check("name")]</c> guards only the command of its class with that name. A typo there is a
/// security trap: the check never runs and the command it should guard runs for everyone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CheckTargetAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CheckNamesNoCommand);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var check = start.Compilation.GetTypeByMetadataName("CqBot.CheckAttribute");
            var command = start.Compilation.GetTypeByMetadataName("CqBot.CommandAttribute");
            if (check is null || command is null)
            {
                return;
            }
            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, check, command), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol check, INamedTypeSymbol command)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        List<(AttributeData Attribute, string Target)>? targets = null;
        var names = new List<string>();
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol method)
            {
                continue;
            }
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.ConstructorArguments.Length != 1
                    || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                    || attribute.ConstructorArguments[0].Value is not string text)
                {
                    continue;
                }
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, check))
                {
                    (targets ??= []).Add((attribute, text));
                }
                else if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, command) && NameOf(text) is { Length: > 0 } name)
                {
                    names.Add(name);
                }
            }
        }
        if (targets is null)
        {
            return;
        }
        foreach (var (attribute, target) in targets)
        {
            if (names.Contains(Normalize(target)))
            {
                continue;
            }
            var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
                ? syntax.ArgumentList.Arguments[0].GetLocation()
                : Location.None;
            var nearest = NearestName.Find(Normalize(target), names);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.CheckNamesNoCommand,
                location,
                NearestName.Properties(nearest),
                target,
                type.Name,
                nearest is null ? "" : $" Did you mean '{nearest}'?"));
        }
    }

    // The command's name as the runtime matches it: the first word of the declaration, after its last '/'.
    private static string NameOf(string declaration)
    {
        var trimmed = declaration.Trim();
        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }
        var path = trimmed.Substring(0, end);
        var slash = path.LastIndexOf('/');
        return Normalize(slash < 0 ? path : path.Substring(slash + 1));
    }

    private static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace('_', '-');
}
