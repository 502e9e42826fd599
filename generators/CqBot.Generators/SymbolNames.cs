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

    /// <summary>The type as <see cref="SymbolDisplayFormat.FullyQualifiedFormat"/> writes it.</summary>
    public static string FullyQualified(ITypeSymbol type) =>
        Keyword(type) ?? type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>The type as compiler messages write it (<see cref="ISymbol.ToDisplayString(SymbolDisplayFormat?)"/> with no format).</summary>
    public static string ForMessages(ITypeSymbol type) =>
        (type.NullableAnnotation == NullableAnnotation.Annotated ? null : Keyword(type)) ?? type.ToDisplayString();

    // Both formats write these types as their keyword (the fully qualified one never adds '?' to a
    // reference type); formatting them through the display machinery allocates for every parameter.
    private static string? Keyword(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Object => "object",
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Char => "char",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Byte => "byte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Decimal => "decimal",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        SpecialType.System_String => "string",
        _ => null,
    };
}
