namespace CqBot;

/// <summary>A command as the dispatch table knows it: names, signature, help and the generated handler.</summary>
public sealed class CommandDefinition
{
    /// <summary>Creates a command definition.</summary>
    public CommandDefinition(string name, CommandSignature signature, CommandHandler handler)
    {
        Name = name;
        Signature = signature;
        Handler = handler;
    }

    /// <summary>The command's name, lower-case; a derived subcommand's name contains a dot (<c>roll.stats</c>).</summary>
    public string Name { get; }

    /// <summary>The declared path when it says more than the name (<c>roll/history</c>, <c>a.b/f</c>); parents along it that nobody declares are created.</summary>
    public string? Path { get; init; }

    /// <summary>The parent command's name for a subcommand (<c>roll</c> for <c>roll.stats</c> or <c>roll/history</c>), else null.</summary>
    public string? Parent { get; init; }

    /// <summary>
    /// Other names that call the command. An alias may carry preset arguments after a space:
    /// <c>"市场 China"</c> makes <c>市场 apple</c> run as <c>market China apple</c>.
    /// </summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Whole messages that run the command without a prefix (see <see cref="CommandShortcut"/>).</summary>
    public IReadOnlyList<CommandShortcut> Shortcuts { get; init; } = [];

    /// <summary>The declared arguments and options.</summary>
    public CommandSignature Signature { get; }

    /// <summary>The declaration as help shows it: the arguments without types, e.g. <c>&lt;dice&gt; [times]</c>.</summary>
    public string Usage { get; init; } = "";

    /// <summary>The description shown in help.</summary>
    public string? Description { get; init; }

    /// <summary>Extra usage text shown in help.</summary>
    public string? UsageText { get; init; }

    /// <summary>Example lines shown in help.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>Left out of the command list (still callable, and its help still works).</summary>
    public bool Hidden { get; init; }

    /// <summary>True for commands CqBot provides itself (<c>help</c>, implicit parents); a command of the bot's own replaces them.</summary>
    public bool IsBuiltIn { get; init; }

    /// <summary>The authority a user needs to run the command: 1 (everyone) unless raised, up to 5.</summary>
    public int Authority { get; init; } = 1;

    /// <summary>How many times a user may run the command per day; 0 for no limit.</summary>
    public int MaxUsage { get; init; }

    /// <summary>The least time between two runs by one user; zero for none.</summary>
    public TimeSpan MinInterval { get; init; }

    /// <summary>True when running the command needs the user's authority or usage to be checked.</summary>
    internal bool HasLimits => Authority > 1 || MaxUsage > 0 || MinInterval > TimeSpan.Zero;

    private PluginScope _scope = PluginScope.Everywhere;

    /// <summary>The plugin the command belongs to, set when it is added; its scope limits where the command answers.</summary>
    internal PluginHandle? Owner { get; set; }

    /// <summary>
    /// Where this command answers, within its plugin's scope: <see cref="PluginScope.Everywhere"/> unless
    /// limited. Out of scope the command does not answer and is left out of help. May change while the
    /// bot runs; the change applies to the next event.
    /// </summary>
    public PluginScope Scope
    {
        get => Volatile.Read(ref _scope);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Volatile.Write(ref _scope, value);
        }
    }

    /// <summary>
    /// True when the command is there for <paramref name="session"/>: both the command's and its plugin's
    /// scope allow its event, and the session's channel has not turned the command or its plugin off.
    /// </summary>
    internal bool IsAvailable(Session session)
    {
        var own = Volatile.Read(ref _scope);
        return (own.IsEverywhere || own.Allows(session.Event)) && (Owner is not { } owner || owner.Allows(session.Event))
            && (session.Channel is not { } channel || !channel.IsDisabled(this));
    }

    /// <summary>The handler that binds the parsed values and runs the command.</summary>
    public CommandHandler Handler { get; }
}
