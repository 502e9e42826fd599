namespace CqBot;

/// <summary>
/// Marks a method that decides whether commands run: it runs after the arguments parse and before the
/// command. Returning null (or true) lets the command run; returning text or a message stops it and
/// sends that reply; returning false stops it silently. It applies to every command of its class, or
/// only to the command named in the constructor. Its parameters may be the session, the typed event,
/// the bot, the <see cref="CommandContext"/>, a cancellation token, or services.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class CheckAttribute : Attribute
{
    /// <summary>A check for every command of the class.</summary>
    public CheckAttribute()
    {
    }

    /// <summary>A check for the command named <paramref name="command"/> only.</summary>
    public CheckAttribute(string command) => Command = command;

    /// <summary>The command the check applies to, or null for all of the class's commands.</summary>
    public string? Command { get; }
}
