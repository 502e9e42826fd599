namespace CqBot.Generators;

/// <summary>Names of the pipeline steps, shared with the incremental-cache tests.</summary>
public static class TrackingNames
{
    /// <summary>What the compiler knows about each [Command] method, read again after every edit.</summary>
    public const string CommandSources = nameof(CommandSources);

    /// <summary>Each [Command] method parsed into a model (and diagnostics, which the analyzers report), only when its source changed.</summary>
    public const string CommandResults = nameof(CommandResults);

    /// <summary>The models of commands that can be generated.</summary>
    public const string CommandModels = nameof(CommandModels);

    /// <summary>Each handler method parsed into models and diagnostics.</summary>
    public const string HandlerResults = nameof(HandlerResults);

    /// <summary>The models of handler methods, without positions.</summary>
    public const string HandlerModels = nameof(HandlerModels);

    /// <summary>Every handler of the compilation, collected for the handler table.</summary>
    public const string AllHandlers = nameof(AllHandlers);

    /// <summary>Every command model of the compilation, collected for the dispatch table.</summary>
    public const string AllCommands = nameof(AllCommands);

    /// <summary>Each [Plugin] class read into a model and its diagnostics.</summary>
    public const string PluginResults = nameof(PluginResults);

    /// <summary>Every plugin class of the compilation, in order.</summary>
    public const string AllPlugins = nameof(AllPlugins);

    /// <summary>Whether the compilation declares any command, handler or middleware.</summary>
    public const string DeclarationPresence = nameof(DeclarationPresence);

    /// <summary>The BotApplication.CreateBuilder calls to intercept.</summary>
    public const string EntryCalls = nameof(EntryCalls);

    /// <summary>Everything the plugin output is written from.</summary>
    public const string PluginOutput = nameof(PluginOutput);

    /// <summary>Each [OneBotAction] method read into a model and its diagnostics.</summary>
    public const string ActionResults = nameof(ActionResults);

    /// <summary>The models of actions that can be generated, without positions.</summary>
    public const string ActionModels = nameof(ActionModels);
}
