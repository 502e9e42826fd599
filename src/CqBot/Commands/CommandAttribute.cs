namespace CqBot;

/// <summary>
/// Declares a chat command on a method of a partial class, in Koishi's syntax:
/// <c>name &lt;required&gt; [optional] [...rest]</c>, each argument with an optional <c>:type</c>
/// (<c>string</c>, <c>text</c>, <c>number</c>, <c>integer</c>, <c>posint</c>, <c>natural</c>, <c>boolean</c>,
/// <c>date</c>, <c>user</c>, <c>channel</c>); an argument without a type takes it from its parameter.
/// <c>parent.child</c> declares a subcommand also callable as <c>parent child</c>; <c>parent/child</c>
/// one callable as <c>child</c>. Arguments bind to the method's parameters by name. The source
/// generator turns it into a compiled parser and dispatch entry.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CommandAttribute(string declaration) : Attribute
{
    /// <summary>The declaration, for example <c>roll &lt;dice:string&gt; [times:posint]</c>.</summary>
    public string Declaration { get; } = declaration;

    /// <summary>What the command does, shown in help.</summary>
    public string? Description { get; set; }

    /// <summary>Other names that call the command.</summary>
    public string[]? Aliases { get; set; }

    /// <summary>Leaves the command out of the command list; it still runs and its help still works.</summary>
    public bool Hidden { get; set; }

    /// <summary>Extra usage text shown in help.</summary>
    public string? Usage { get; set; }

    /// <summary>Example command lines shown in help.</summary>
    public string[]? Examples { get; set; }

    /// <summary>When true, a dash token that names no declared option is an argument (for commands that take negative values or dashed words).</summary>
    public bool StrictOptions { get; set; }

    /// <summary>
    /// The authority a user needs to run the command: 1 (everyone, the default) to 5. Checked before the
    /// command runs, from the user's stored authority; a user below it is told so (<see cref="CommandTexts.LowAuthority"/>).
    /// </summary>
    public int Authority { get; set; } = 1;

    /// <summary>How many times a user may run the command per day; 0 (the default) for no limit. Counted in the bot's store, across processes that share it.</summary>
    public int MaxUsage { get; set; }

    /// <summary>
    /// The least time between two runs of the command by one user, written as <c>30s</c>, <c>5m</c>,
    /// <c>2h</c>, <c>1d</c> (combinable: <c>1h30m</c>) or <c>hh:mm:ss</c>; none unless set.
    /// </summary>
    public string? MinInterval { get; set; }
}
