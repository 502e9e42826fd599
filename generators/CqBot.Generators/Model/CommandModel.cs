namespace CqBot.Generators.Model;

// Root model of the command pipeline. It holds only strings, primitives, enums, nested models and
// EquatableArray: no ISymbol, SyntaxNode, SemanticModel, Location or Compilation may be reachable
// from it, or the incremental cache stops working and the compilation is kept alive.

/// <summary>One <c>[Command]</c> method, everything the emitter needs.</summary>
/// <param name="Authority">The authority a user needs, 1 to 5; 1 (everyone) by default.</param>
/// <param name="MaxUsage">Uses per user and day; 0 for no limit.</param>
/// <param name="MinIntervalTicks">The least time between two uses, in ticks; 0 for none.</param>
internal sealed record CommandModel(
    ContainingTypeModel ContainingType,
    string MethodName,
    bool IsStatic,
    string Name,
    string? Parent,
    string Path,
    EquatableArray<string> Aliases,
    string? Description,
    string Usage,
    string? UsageText,
    EquatableArray<string> Examples,
    bool Hidden,
    bool StrictOptions,
    int Authority,
    int MaxUsage,
    long MinIntervalTicks,
    EquatableArray<ArgumentModel> Arguments,
    EquatableArray<OptionModel> Options,
    EquatableArray<ParameterModel> Parameters,
    ReturnKind ReturnKind,
    EquatableArray<string> ConstructorServices,
    EquatableArray<ShortcutModel> Shortcuts,
    EquatableArray<CheckModel> Checks);

/// <summary>A <c>[Check]</c> method that applies to a command.</summary>
internal sealed record CheckModel(string MethodName, bool IsStatic, EquatableArray<ParameterModel> Parameters, CheckResultKind Result, bool IsAsync);

internal enum CheckResultKind
{
    Text,
    Message,
    Boolean,
}

/// <summary>A <c>[Shortcut]</c> of a command.</summary>
internal sealed record ShortcutModel(string Pattern, string Preset, bool Fuzzy, bool RequireAddress);

/// <summary>The partial class that declares commands.</summary>
internal sealed record ContainingTypeModel(string? Namespace, string Name, string Keyword, string FullyQualifiedName);

/// <summary>A declared argument, with its runtime kind (a <c>CqBot.CommandValueKind</c> member name).</summary>
internal sealed record ArgumentModel(string Name, string Kind, bool Required, bool Variadic, string? Validator, EquatableArray<string> Choices);

/// <summary>A declared option or value-variant.</summary>
internal sealed record OptionModel(
    string Name,
    EquatableArray<string> Aliases,
    string Kind,
    bool TakesValue,
    bool ValueRequired,
    string? ValueName,
    string? FixedValue,
    string? Description,
    bool Hidden,
    string? Validator,
    EquatableArray<string> Choices);

/// <summary>How one method parameter gets its value.</summary>
/// <param name="Index">The argument index, or the option slot, for those sources.</param>
/// <param name="Domain">The argument or option kind (a CommandValueKind member name), for error messages.</param>
internal sealed record ParameterModel(
    string Name,
    ParameterSource Source,
    string TypeName,
    int Index,
    ValueConversion Conversion,
    string? ElementTypeName,
    string? DefaultValueLiteral,
    string Domain);

internal enum ParameterSource
{
    Argument,
    Option,
    Session,
    Context,
    Bot,
    Event,
    CancellationToken,
    Service,
}

/// <summary>How a parsed value becomes the parameter's value.</summary>
internal enum ValueConversion
{
    None,
    String,
    Int32,
    Int64,
    Double,
    Single,
    Decimal,
    Boolean,
    DateTimeOffset,
    DateTime,
    Enum,
    Parsable,
    TryParsable,
    Segment,
}
