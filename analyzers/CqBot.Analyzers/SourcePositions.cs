using System.Collections.Generic;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CqBot.Analyzers;

/// <summary>
/// Turns the positions the shared reading code records (file path and span) back into locations in the
/// compilation's own syntax trees, so that diagnostics are real source diagnostics: <c>#pragma warning
/// disable</c>, suppressions and code fixes find them. Built once per compilation.
/// </summary>
internal sealed class SourcePositions
{
    private readonly Dictionary<string, SyntaxTree> _trees = new(System.StringComparer.Ordinal);
    private readonly Dictionary<SyntaxTree, int> _order = new();

    public SourcePositions(Compilation compilation)
    {
        var index = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            _order[tree] = index++;
            if (!_trees.ContainsKey(tree.FilePath))
            {
                _trees.Add(tree.FilePath, tree);
            }
        }
    }

    /// <summary>The location of <paramref name="position"/>, or the first location of <paramref name="fallback"/> when it names no tree of the compilation.</summary>
    public Location Locate(LocationInfo? position, ISymbol fallback)
    {
        if (position is not null
            && _trees.TryGetValue(position.FilePath, out var tree)
            && position.Span.End <= tree.Length)
        {
            return Location.Create(tree, position.Span);
        }
        return fallback.Locations.Length > 0 ? fallback.Locations[0] : Location.None;
    }

    /// <summary>Where <paramref name="node"/> comes in the compilation: its tree's place, then its position in the tree.</summary>
    public (int Tree, int Position) Order(SyntaxNode node) =>
        (_order.TryGetValue(node.SyntaxTree, out var index) ? index : int.MaxValue, node.SpanStart);

    /// <summary>
    /// The method declaration an attribute is applied to; null for anything else (a local function, a
    /// method of metadata), which the generators do not read either.
    /// </summary>
    public static MethodDeclarationSyntax? DeclarationOf(AttributeData attribute, System.Threading.CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).Parent?.Parent as MethodDeclarationSyntax;

    /// <summary>Reports <paramref name="diagnostics"/>, recorded by the shared reading code, with the descriptors of <see cref="DeclarationDiagnostics"/>.</summary>
    public void Report(System.Action<Diagnostic> report, IEnumerable<DiagnosticInfo> diagnostics, ISymbol symbol)
    {
        foreach (var info in diagnostics)
        {
            report(info.ToDiagnostic(DeclarationDiagnostics.Find(info.Id), Locate(info.Location, symbol)));
        }
    }
}
