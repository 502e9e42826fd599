namespace CqBot;

/// <summary>
/// One immutable state of a dispatcher: the commands with the built-in help, the listeners in order,
/// the middleware chain, texts and dispatch settings. An event is handled with the table that was
/// current when it arrived; a change builds and publishes a new table.
/// </summary>
internal sealed class DispatchTable
{
    public DispatchTable(CommandRegistry commands, ListenerEntry[] listeners, CommandTexts texts, CommandDispatchSettings settings)
    {
        Commands = commands;
        Listeners = listeners;
        Texts = texts;
        Settings = settings;
        SortedPrefixes = Sort(settings.Prefixes);
        FirstPrefix = settings.Prefixes.Count > 0 ? settings.Prefixes[0] : "";
    }

    public CommandRegistry Commands { get; }

    public ListenerEntry[] Listeners { get; }

    /// <summary>Prepended and user middleware, then the command middleware of this table.</summary>
    public Middleware[] Chain { get; set; } = [];

    public CommandTexts Texts { get; }

    /// <summary>The before-command, command and after-command listeners; null when there are none.</summary>
    public CommandHooks? CommandHooks { get; set; }

    public CommandDispatchSettings Settings { get; }

    /// <summary>The users and channels attached to message sessions; null for a bot that stores nothing.</summary>
    public BotData? Data { get; init; }

    /// <summary>The attach-stage listeners; null when there are none.</summary>
    public AttachHooks? AttachHooks { get; init; }

    // Longest match first: descending order puts "" last and "!!" before "!".
    public string[] SortedPrefixes { get; }

    /// <summary>The first configured prefix, shown in help.</summary>
    public string FirstPrefix { get; }

    private static string[] Sort(IReadOnlyList<string> prefixes)
    {
        var sorted = new string[prefixes.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = prefixes[i];
        }
        Array.Sort(sorted, StringComparer.Ordinal);
        Array.Reverse(sorted);
        return sorted;
    }
}

/// <summary>A listener as the dispatcher keeps it; a null name matches every event (typed listeners filter themselves).</summary>
internal sealed class ListenerEntry(string? name, EventListener listener, int priority, bool block, PluginHandle? owner)
{
    public string? Name { get; } = name;

    public EventListener Listener { get; } = listener;

    public int Priority { get; } = priority;

    public bool Block { get; } = block;

    public PluginHandle? Owner { get; } = owner;
}

/// <summary>A middleware as the dispatcher keeps it, with the plugin it belongs to.</summary>
internal sealed class MiddlewareEntry(Middleware middleware, PluginHandle? owner)
{
    public Middleware Middleware { get; } = middleware;

    public PluginHandle? Owner { get; } = owner;

    /// <summary>The step the chain runs: a plugin's middleware is passed over for events out of its scope.</summary>
    public Middleware ToStep()
    {
        if (Owner is not { } owner)
        {
            return Middleware;
        }
        var middleware = Middleware;
        return (session, next) => owner.Allows(session.Event) ? middleware(session, next) : next();
    }
}
