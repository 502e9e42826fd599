namespace CqBot.Generators.Model;

// Root model of the first command step. Roslyn runs a ForAttributeWithMetadataName transform again for
// every [Command] method of the project whenever the compilation changes, even after an edit inside one
// method body, because any edit may change what a name binds to. So that transform only reads what the
// compiler knows about the method; parsing the declaration, binding parameters and building the
// CommandModel happen in the next step, which the driver skips for every method whose CommandSource is
// equal to the previous run's.
// It holds only strings, primitives, enums, nested models and EquatableArray: no ISymbol, SyntaxNode,
// SemanticModel, Location or Compilation may be reachable from it.

/// <summary>What the compiler knows about one <c>[Command]</c> method, before any declaration is parsed.</summary>
/// <param name="ContainingType">The partial class, or null when it cannot hold generated code (see <paramref name="TypeDiagnostics"/>).</param>
/// <param name="DeclarationText">The declaration string, or null when the attribute has none.</param>
/// <param name="ReturnKind">How the return value is sent, or null when it is unsupported (see <paramref name="ReturnDiagnostic"/>).</param>
/// <param name="Aliases">The aliases as written.</param>
/// <param name="Limits">Authority, MaxUsage and MinInterval, or null when the attribute sets none of them.</param>
/// <param name="Checks">Every <c>[Check]</c> application of the class, in declaration order, whatever command it targets.</param>
internal sealed record CommandSource(
    string MethodName,
    bool IsStatic,
    ContainingTypeModel? ContainingType,
    EquatableArray<DiagnosticInfo> TypeDiagnostics,
    string? DeclarationText,
    LocationInfo? DeclarationLocation,
    ReturnKind? ReturnKind,
    DiagnosticInfo? ReturnDiagnostic,
    EquatableArray<string> Aliases,
    string? Description,
    string? UsageText,
    EquatableArray<string> Examples,
    bool Hidden,
    bool StrictOptions,
    CommandLimitsSource? Limits,
    EquatableArray<MethodParameter> Parameters,
    EquatableArray<OptionSource> Options,
    EquatableArray<ShortcutModel> Shortcuts,
    EquatableArray<string> ConstructorServices,
    EquatableArray<CheckSource> Checks);

/// <summary>The <c>Authority</c>, <c>MaxUsage</c> and <c>MinInterval</c> named arguments of a <c>[Command]</c>, as written.</summary>
/// <param name="Authority">The authority, 1 when not set.</param>
/// <param name="AuthorityLocation">Where the authority's value is written, or null when it is not set.</param>
/// <param name="MaxUsage">The uses per day, 0 when not set.</param>
/// <param name="MinInterval">The duration text, or null when not set.</param>
internal sealed record CommandLimitsSource(
    int Authority,
    LocationInfo? AuthorityLocation,
    int MaxUsage,
    LocationInfo? MaxUsageLocation,
    string? MinInterval,
    LocationInfo? MinIntervalLocation);

/// <summary>A parameter of a command method.</summary>
/// <param name="Injected">Where an injected parameter comes from; null for arguments, options and services.</param>
/// <param name="DisplayTypeName">The type as error messages write it; empty for injected parameters.</param>
/// <param name="Shape">How a command value binds to the type; null for injected parameters.</param>
/// <param name="ExplicitDefault">The default value as a C# literal, or null when the parameter has none.</param>
/// <param name="UnderlyingTypeName">The type without <c>Nullable&lt;T&gt;</c>, fully qualified.</param>
/// <param name="ValueTypeName">The type of a local holding an argument or option for it, fully qualified, with <c>?</c> when it is a reference type that accepts null.</param>
/// <param name="RejectsNull">A reference type declared non-nullable: leaving it null would be a lie.</param>
internal sealed record MethodParameter(
    string Name,
    string TypeName,
    ParameterSource? Injected,
    string DisplayTypeName,
    LocationInfo? Location,
    TypeShape? Shape,
    string? ExplicitDefault,
    string UnderlyingTypeName,
    string ValueTypeName,
    bool RejectsNull);

/// <summary>One <c>[Option]</c> application, as written.</summary>
/// <param name="Default">The <c>Default</c> named argument, or null when absent.</param>
/// <param name="Value">The <c>Value</c> named argument, or null when absent.</param>
internal sealed record OptionSource(
    string Name,
    string SyntaxText,
    LocationInfo? Location,
    string? Description,
    bool Hidden,
    ConstantSource? Default,
    FixedValueSource? Value);

/// <summary>An attribute constant written as a C# literal.</summary>
/// <param name="Unreadable">The constant is an array, which no literal can express.</param>
internal sealed record ConstantSource(bool IsNull, string? Literal, bool Unreadable);

/// <summary>The CommandValue expression of a value-variant option.</summary>
/// <param name="Expression">The whole expression, or when <paramref name="NeedsKind"/> the part after the kind name.</param>
/// <param name="Unreadable">The value is not a constant that converts to a command value.</param>
internal sealed record FixedValueSource(string Expression, bool NeedsKind, bool Unreadable);

/// <summary>One <c>[Check]</c> application in the class of a command.</summary>
/// <param name="Target">The command it is limited to, as written, or null when it applies to all.</param>
/// <param name="Model">The check, or null when its return type is unsupported (see <paramref name="Unsupported"/>).</param>
internal sealed record CheckSource(string? Target, CheckModel? Model, DiagnosticInfo? Unsupported);
