using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CqBot.Generators;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Analyzers;

/// <summary>
/// Checks every <c>[Command]</c> method with the generator's own reader and binder, and reports what
/// keeps the generator from generating it (CQB2001–CQB2014, CQB2018–CQB2022); across the compilation,
/// two commands that claim one name (CQB2011).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CommandDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        DeclarationDiagnostics.Supported.Where(static d => d.Id.StartsWith("CQB20", System.StringComparison.Ordinal)).ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var command = start.Compilation.GetTypeByMetadataName(AttributeNames.Command);
            if (command is null)
            {
                return;
            }
            var known = WellKnownTypes.From(start.Compilation);
            var positions = new SourcePositions(start.Compilation);
            var identities = new ConcurrentBag<((int Tree, int Position) Order, CommandIdentity Identity, IMethodSymbol Method)>();
            // Per type, not per method: the class diagnostics (CQB2005, CQB2012) then fall inside the analyzed
            // symbol, which makes them local diagnostics that code fixes can fix.
            start.RegisterSymbolAction(
                symbolContext => AnalyzeType(symbolContext, command, known, positions, identities),
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => ReportDuplicateNames(end, positions, identities));
        });
    }

    private static void AnalyzeType(
        SymbolAnalysisContext context,
        INamedTypeSymbol command,
        WellKnownTypes known,
        SourcePositions positions,
        ConcurrentBag<((int Tree, int Position) Order, CommandIdentity Identity, IMethodSymbol Method)> identities)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var reported = new HashSet<DiagnosticInfo>();
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method)
            {
                AnalyzeMethod(context, method, command, known, positions, identities, reported);
            }
        }
    }

    private static void AnalyzeMethod(
        SymbolAnalysisContext context,
        IMethodSymbol method,
        INamedTypeSymbol command,
        WellKnownTypes known,
        SourcePositions positions,
        ConcurrentBag<((int Tree, int Position) Order, CommandIdentity Identity, IMethodSymbol Method)> identities,
        HashSet<DiagnosticInfo> reported)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, command))
            {
                continue;
            }
            // The generator reads the first [Command] of a method declaration; so does this.
            if (SourcePositions.DeclarationOf(attribute, context.CancellationToken) is not { } declaration)
            {
                return;
            }
            var source = CommandGenerator.Reader.Read(method, attribute, declaration, known, context.CancellationToken);
            var result = CommandGenerator.Binder.Bind(source, context.CancellationToken);
            // A class that cannot hold generated code is reported once, not once per command.
            positions.Report(context.ReportDiagnostic, result.Diagnostics.Where(reported.Add), method);
            if (result.Identity is not null)
            {
                identities.Add((positions.Order(declaration), result.Identity, method));
            }
            return;
        }
    }

    // In declaration order, as the generator collects them: the first command to claim a name keeps it,
    // each later one is reported.
    private static void ReportDuplicateNames(
        CompilationAnalysisContext context,
        SourcePositions positions,
        ConcurrentBag<((int Tree, int Position) Order, CommandIdentity Identity, IMethodSymbol Method)> identities)
    {
        var owners = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var (_, identity, method) in identities.OrderBy(static entry => entry.Order.Tree).ThenBy(static entry => entry.Order.Position))
        {
            foreach (var name in Names(identity))
            {
                if (owners.TryGetValue(name, out var owner))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DeclarationDiagnostics.DuplicateCommandName, positions.Locate(identity.Location, method), name, owner));
                }
                else
                {
                    owners.Add(name, identity.Owner);
                }
            }
        }
    }

    private static IEnumerable<string> Names(CommandIdentity identity)
    {
        yield return identity.Name;
        foreach (var alias in identity.Aliases)
        {
            yield return alias;
        }
    }
}
