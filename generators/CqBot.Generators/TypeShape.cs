using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

/// <summary>What the generator needs to know about a parameter's type to bind a command value to it.</summary>
internal sealed record TypeShape
{
    private TypeShape(Model.ValueConversion conversion, string? inferredKind, bool nullable, bool isArray, string? elementTypeName, string? validator, EquatableArray<string> choices = default)
    {
        Choices = choices;
        Conversion = conversion;
        InferredKind = inferredKind;
        Nullable = nullable;
        IsArray = isArray;
        ElementTypeName = elementTypeName;
        Validator = validator;
    }

    /// <summary>How a value converts to the (element) type.</summary>
    public Model.ValueConversion Conversion { get; }

    /// <summary>The CommandValueKind an undeclared type takes from this type, or null when none fits.</summary>
    public string? InferredKind { get; }

    public bool Nullable { get; }

    public bool IsArray { get; }

    /// <summary>The element type of an array, or the underlying type of a custom value, fully qualified.</summary>
    public string? ElementTypeName { get; }

    /// <summary>For custom types: a static lambda that tells whether a string converts.</summary>
    public string? Validator { get; }

    /// <summary>For enums: the member names, which errors and help list as the allowed values.</summary>
    public EquatableArray<string> Choices { get; }

    public static TypeShape Of(ITypeSymbol type, WellKnownTypes known)
    {
        var nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            nullable = true;
            type = wrapper.TypeArguments[0];
        }
        if (type is IArrayTypeSymbol array)
        {
            var element = Of(array.ElementType, known);
            return new TypeShape(element.Conversion, element.InferredKind, nullable, true, element.ElementTypeName, element.Validator, element.Choices);
        }
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return new TypeShape(Model.ValueConversion.String, "String", nullable, false, "string", null);
            case SpecialType.System_Int32: return new TypeShape(Model.ValueConversion.Int32, "Integer", nullable, false, "int", null);
            case SpecialType.System_Int64: return new TypeShape(Model.ValueConversion.Int64, "Integer", nullable, false, "long", null);
            case SpecialType.System_Double: return new TypeShape(Model.ValueConversion.Double, "Number", nullable, false, "double", null);
            case SpecialType.System_Single: return new TypeShape(Model.ValueConversion.Single, "Number", nullable, false, "float", null);
            case SpecialType.System_Decimal: return new TypeShape(Model.ValueConversion.Decimal, "Number", nullable, false, "decimal", null);
            case SpecialType.System_Boolean: return new TypeShape(Model.ValueConversion.Boolean, "Boolean", nullable, false, "bool", null);
            case SpecialType.System_DateTime: return new TypeShape(Model.ValueConversion.DateTime, "Date", nullable, false, "global::System.DateTime", null);
        }
        if (WellKnownTypes.Is(type, known.DateTimeOffset))
        {
            return new TypeShape(Model.ValueConversion.DateTimeOffset, "Date", nullable, false, "global::System.DateTimeOffset", null);
        }
        if (WellKnownTypes.Is(type, known.Segment))
        {
            return new TypeShape(Model.ValueConversion.Segment, "Image", nullable, false, "global::CqBot.Segment", null);
        }
        var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (type.TypeKind == TypeKind.Enum)
        {
            var members = new System.Collections.Generic.List<string>();
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true, DeclaredAccessibility: Accessibility.Public } field)
                {
                    members.Add(field.Name);
                }
            }
            return new TypeShape(Model.ValueConversion.Enum, "Custom", nullable, false, name,
                "static s => global::System.Enum.TryParse<" + name + ">(s, true, out var v) && global::System.Enum.IsDefined(v)",
                new EquatableArray<string>(members.ToArray()));
        }
        foreach (var candidate in type.AllInterfaces)
        {
            if (WellKnownTypes.IsConstructedFrom(candidate, known.Parsable)
                && SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[0], type))
            {
                return new TypeShape(Model.ValueConversion.Parsable, "Custom", nullable, false, name,
                    "static s => " + name + ".TryParse(s, global::System.Globalization.CultureInfo.InvariantCulture, out _)");
            }
        }
        foreach (var member in type.GetMembers("TryParse"))
        {
            if (member is IMethodSymbol { IsStatic: true, ReturnType.SpecialType: SpecialType.System_Boolean, Parameters.Length: 2 } method
                && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                && method.Parameters[1].RefKind == RefKind.Out
                && SymbolEqualityComparer.Default.Equals(method.Parameters[1].Type, type)
                && method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
            {
                return new TypeShape(Model.ValueConversion.TryParsable, "Custom", nullable, false, name,
                    "static s => " + name + ".TryParse(s, out _)");
            }
        }
        return new TypeShape(Model.ValueConversion.None, null, nullable, false, name, null);
    }
}
