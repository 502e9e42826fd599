namespace CqBot;

/// <summary>
/// Declares a chat command on a method of a partial class, in Koishi's syntax:
/// <c>name &lt;required&gt; [optional] [...rest]</c>, each argument with an optional <c>:type</c>.
/// Arguments bind to the method's parameters by name. The source generator turns it into a
/// compiled parser and dispatch entry.
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
}
