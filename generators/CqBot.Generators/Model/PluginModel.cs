namespace CqBot.Generators.Model;

/// <summary>
/// A <c>[Plugin]</c> class. Root model of the plugin pipeline: only strings, booleans and nested
/// models, never a symbol, syntax node or compilation, so the step caches across edits.
/// </summary>
internal sealed record PluginModel(ContainingTypeModel Type, string? Name, bool NeedsBaseType, SettingsModel? Settings);

/// <summary>The settings type of a <c>BotPlugin&lt;TSettings&gt;</c>: its fully qualified name and the properties to bind.</summary>
internal sealed record SettingsModel(string TypeName, EquatableArray<SettingModel> Properties);

/// <summary>
/// One settable property of a settings type. <see cref="Reader"/> names how it is read:
/// <c>Value</c> (a TryRead overload), or <c>Enum</c> (TryReadEnum).
/// </summary>
internal sealed record SettingModel(string Name, string TypeName, string Reader);

/// <summary>What reading one <c>[Plugin]</c> class produced: a model when it can be generated, and diagnostics.</summary>
internal sealed record PluginResult(PluginModel? Model, LocationInfo? Location, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// A call of <c>BotApplication.CreateBuilder</c> to intercept, so the application's own declarations are
/// added. Kept as the interceptable location's encoded form (version, data) and where it is, for the comment.
/// </summary>
internal sealed record EntryCallModel(int Version, string Data, string DisplayLocation);

/// <summary>Everything the plugin output needs, combined once per compilation.</summary>
internal sealed record PluginOutputModel(
    string AssemblyName,
    bool HasDeclarations,
    EquatableArray<PluginModel> Plugins,
    EquatableArray<EntryCallModel> EntryCalls);
