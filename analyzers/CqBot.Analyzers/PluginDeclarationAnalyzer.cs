using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CqBot.Generators;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Analyzers;

/// <summary>
/// Checks every <c>[Plugin]</c> class with the generator's own reader, and reports what keeps the
/// generator from generating it (CQB2201, CQB2203); across the compilation, a second plugin class (CQB2202).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PluginDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DeclarationDiagnostics.InvalidPluginClass,
        DeclarationDiagnostics.SecondPluginClass,
        DeclarationDiagnostics.UnsupportedSetting);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var plugin = start.Compilation.GetTypeByMetadataName(AttributeNames.Plugin);
            if (plugin is null)
            {
                return;
            }
            var known = WellKnownTypes.From(start.Compilation);
            var positions = new SourcePositions(start.Compilation);
            var plugins = new ConcurrentBag<(PluginResult Result, INamedTypeSymbol Type)>();
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, plugin, known, positions, plugins), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => ReportSecondPlugins(end, positions, plugins));
        });
    }

    // Like the generator, each class declaration that carries [Plugin] is read on its own, with its [Plugin] attributes.
    private static void AnalyzeType(
        SymbolAnalysisContext context,
        INamedTypeSymbol plugin,
        WellKnownTypes known,
        SourcePositions positions,
        ConcurrentBag<(PluginResult Result, INamedTypeSymbol Type)> plugins)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        Dictionary<ClassDeclarationSyntax, ImmutableArray<AttributeData>.Builder>? declarations = null;
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, plugin)
                && attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).Parent?.Parent is ClassDeclarationSyntax declaration)
            {
                declarations ??= [];
                if (!declarations.TryGetValue(declaration, out var attributes))
                {
                    declarations.Add(declaration, attributes = ImmutableArray.CreateBuilder<AttributeData>());
                }
                attributes.Add(attribute);
            }
        }
        if (declarations is null)
        {
            return;
        }
        foreach (var pair in declarations)
        {
            var result = PluginGenerator.Parser.ReadPlugin(type, pair.Key, pair.Value.ToImmutable(), known, context.CancellationToken);
            positions.Report(context.ReportDiagnostic, result.Diagnostics, type);
            if (result.Model is not null)
            {
                plugins.Add((result, type));
            }
        }
    }

    // The plugin class first in the generator's order gets the declarations; every other one is reported.
    private static void ReportSecondPlugins(CompilationAnalysisContext context, SourcePositions positions, ConcurrentBag<(PluginResult Result, INamedTypeSymbol Type)> plugins)
    {
        if (plugins.Count < 2)
        {
            return;
        }
        var first = PluginGenerator.Parser.Order(plugins.Select(static plugin => plugin.Result.Model!).ToImmutableArray())[0];
        var ordered = plugins
            .OrderBy(static plugin => plugin.Result.Location?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(static plugin => plugin.Result.Location?.Span.Start);
        foreach (var (result, type) in ordered)
        {
            if (!result.Model!.Equals(first))
            {
                context.ReportDiagnostic(Diagnostic.Create(DeclarationDiagnostics.SecondPluginClass, positions.Locate(result.Location, type), result.Model.Type.Name, first.Type.Name));
            }
        }
    }
}
