namespace CqBot.Generators.Model;

/// <summary>
/// One <c>[OneBotAction]</c> method. Root model of the action pipeline: only strings, booleans, enums and
/// nested models, never a symbol, syntax node, location or compilation, so an edit that leaves the
/// declaration alone (a body elsewhere, a moved line) finds the step cached and emits nothing new.
/// </summary>
internal sealed record ActionModel(
    ContainingTypeModel ContainingType,
    string MethodName,
    string Accessibility,
    string Action,
    string RequestName,
    bool SendsMessage,
    string BotParameterName,
    EquatableArray<ActionParameterModel> Parameters,
    ActionReturnModel Return,
    EquatableArray<ResultTypeModel> ResultTypes,
    EquatableArray<EnumTypeModel> Enums);

/// <summary>What a method parameter is for: a value sent in <c>params</c>, the cancellation token, or the call mode.</summary>
internal enum ActionParameterRole
{
    Value,
    CancellationToken,
    Mode,
}

/// <summary>
/// A parameter of an action method. <see cref="TypeName"/> is written as declared (with <c>?</c>);
/// <see cref="DefaultLiteral"/> is the C# literal of its default value, null when it has none.
/// </summary>
internal sealed record ActionParameterModel(
    string Name,
    string TypeName,
    ActionParameterRole Role,
    string PropertyName,
    string JsonName,
    ValueShape? Shape,
    bool IsParams,
    string? DefaultLiteral);

/// <summary>How a value is written or read: the JSON kind of its (element) type.</summary>
internal enum ValueKind
{
    Int64,
    Int32,
    Boolean,
    Double,
    String,
    Enum,
    Message,
    Json,
    Object,
}

/// <summary>Whether a value is one item, an array <c>T[]</c>, or an <c>IReadOnlyList&lt;T&gt;</c>.</summary>
internal enum CollectionKind
{
    None,
    Array,
    List,
}

/// <summary>
/// The shape of a parameter, result or result property. <see cref="ElementTypeName"/> is the fully
/// qualified (element) type without <c>?</c>; <see cref="Helper"/> names the generated reader of an
/// object type or enum.
/// </summary>
internal sealed record ValueShape(ValueKind Kind, string ElementTypeName, bool Nullable, CollectionKind Collection, string? Helper);

/// <summary>The return type as declared: <c>Task</c> or <c>ValueTask</c>, of nothing or of <see cref="ResultTypeName"/>.</summary>
internal sealed record ActionReturnModel(bool IsValueTask, string TypeName, string? ResultTypeName, ValueShape? Result);

/// <summary>A class or record read from a JSON object, one property at a time.</summary>
internal sealed record ResultTypeModel(string TypeName, string ReaderName, EquatableArray<ResultPropertyModel> Properties);

/// <summary>A settable property of a result type and the JSON field it is read from.</summary>
internal sealed record ResultPropertyModel(string Name, string JsonName, ValueShape Shape, bool Required);

/// <summary>An enum written or read as text: each member with its JSON name.</summary>
internal sealed record EnumTypeModel(string TypeName, string HelperName, EquatableArray<EnumMemberModel> Members);

/// <summary>One enum member and its JSON name.</summary>
internal sealed record EnumMemberModel(string Name, string JsonName);

/// <summary>What reading one action method produced: a model when it can be generated, and diagnostics.</summary>
internal sealed record ActionResult(ActionModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
