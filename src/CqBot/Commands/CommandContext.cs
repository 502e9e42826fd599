namespace CqBot;

/// <summary>
/// One invocation of a command: the session, the command, and the text of its arguments. A command
/// method or a <see cref="CheckAttribute"/> method may take it as a parameter.
/// </summary>
public sealed class CommandContext
{
    // The command middleware creates one for each invocation.
    internal CommandContext(Session session, CommandDefinition command, string source, int argumentsStart, CommandTexts texts)
    {
        Session = session;
        Command = command;
        Source = source;
        ArgumentsStart = argumentsStart;
        Texts = texts;
    }

    /// <summary>The session that invoked the command.</summary>
    public Session Session { get; }

    /// <summary>The command being run.</summary>
    public CommandDefinition Command { get; }

    /// <summary>The command line (CQ-code text) after the prefix.</summary>
    public string Source { get; }

    /// <summary>Where the arguments start in <see cref="Source"/>, just after the command name.</summary>
    public int ArgumentsStart { get; }

    /// <summary>The texts used for errors, in the bot's language.</summary>
    public CommandTexts Texts { get; }

    /// <summary>Cancelled when the bot shuts down.</summary>
    public CancellationToken CancellationToken => Session.CancellationToken;

    /// <summary>The command's help text, in the bot's language.</summary>
    public Message Help()
    {
        Progress = Diagnostics.CommandProgress.Ran;
        return CommandHelp.Format(Command, Texts, Table?.Commands, Table?.FirstPrefix ?? "");
    }

    /// <summary>How far the command flow got, for the outcome its metrics and activity report.</summary>
    internal Diagnostics.CommandProgress Progress { get; set; }

    /// <summary>The dispatcher's table the command was found in.</summary>
    internal DispatchTable? Table { get; init; }

    /// <summary>The event command listeners see; null while nobody listens.</summary>
    internal CommandEvent? Event { get; set; }

    /// <summary>A service from the event's dependency-injection scope; throws when it is not registered.</summary>
    public T GetRequiredService<T>()
        where T : notnull =>
        Session.Services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException($"Command '{Command.Name}' needs a service of type '{typeof(T).FullName}', which is not registered. Add it to the builder's Services.");
}
