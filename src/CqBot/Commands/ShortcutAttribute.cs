namespace CqBot;

/// <summary>
/// Lets a whole message run the command on the same method, without a prefix:
/// <c>[Shortcut("签到")]</c>. See <see cref="CommandShortcut"/> for the rules.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ShortcutAttribute(string pattern) : Attribute
{
    /// <summary>The text that triggers the command.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>Arguments and options to run the command with, e.g. <c>China --verbose</c>.</summary>
    public string? Arguments { get; set; }

    /// <summary>Allows text after the pattern, passed on as further arguments.</summary>
    public bool Fuzzy { get; set; }

    /// <summary>Requires the bot to be addressed by @-mention or nickname.</summary>
    public bool RequireAddress { get; set; }
}
