using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

/// <summary>
/// Writes type names for generated code and messages without going through the display machinery
/// where a keyword does: a transform writes these for every parameter of every command after each
/// edit. Types are recognised with <see cref="WellKnownTypes"/>, not by name.
/// </summary>
internal static class SymbolNames
{
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
