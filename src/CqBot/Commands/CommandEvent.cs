namespace CqBot;

/// <summary>
/// One run of a command, as the before-command, command and after-command listeners see it (Koishi's
/// <c>before-command</c>, <c>command</c> and <c>after-command</c> events): the session, the command, its
/// arguments and options, and once it has run its result or exception.
/// </summary>
public sealed class CommandEvent
{
    internal CommandEvent(CommandContext context, CommandArguments arguments)
    {
        Context = context;
        Arguments = arguments;
    }

    /// <summary>The invocation: session, command and command line.</summary>
    public CommandContext Context { get; }

    /// <summary>The session that invoked the command.</summary>
    public Session Session => Context.Session;

    /// <summary>The command.</summary>
    public CommandDefinition Command => Context.Command;

    /// <summary>The arguments and options it was called with, by name.</summary>
    public CommandArguments Arguments { get; }

    /// <summary>What the command answered (null for nothing); set once it has run.</summary>
    public Message? Result { get; internal set; }

    /// <summary>What the command threw, or null; the user was then answered <see cref="CommandTexts.UnknownError"/>.</summary>
    public Exception? Exception { get; internal set; }

    // Set when the before-command listeners let the command run.
    internal bool Ran { get; set; }
}
