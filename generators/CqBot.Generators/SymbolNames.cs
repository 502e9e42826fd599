using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

/// <summary>
/// Compares symbols with well-known names structurally: formatting a display string per check
/// allocates, and a transform runs these checks for every parameter of every command after each edit.
/// </summary>
internal static class SymbolNames
{
    /// <summary>True when <paramref name="symbol"/> is <c>Namespace.Name</c> (a one- or two-part namespace).</summary>
    public static bool Is(ISymbol? symbol, string @namespace, string name)
    {
        if (symbol is null || symbol.Name != name || symbol.ContainingType is not null)
        {
            return false;
        }
        var ns = symbol.ContainingNamespace;
        var dot = @namespace.IndexOf('.');
        if (dot < 0)
        {
            return ns is { Name: var single, ContainingNamespace.IsGlobalNamespace: true } && single == @namespace;
        }
        return ns is not null && ns.Name == @namespace.Substring(dot + 1)
            && ns.ContainingNamespace is { } outer && outer.Name == @namespace.Substring(0, dot) && outer.ContainingNamespace is { IsGlobalNamespace: true };
    }
}
