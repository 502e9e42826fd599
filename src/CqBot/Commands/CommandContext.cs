namespace CqBot;

/// <summary>One invocation of a command: the session, the command, and its argument tokens.</summary>
public sealed class CommandContext
{
    /// <summary>Creates a context; the command middleware does this for each invocation.</summary>
    public CommandContext(Session session, CommandDefinition command, IReadOnlyList<string> arguments, CommandTexts texts)
    {
        Session = session;
        Command = command;
        Arguments = arguments;
        Texts = texts;
    }

    /// <summary>The session that invoked the command.</summary>
    public Session Session { get; }

    /// <summary>The command being run.</summary>
    public CommandDefinition Command { get; }

    /// <summary>The tokens after the command name.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The texts used for errors, in the bot's language.</summary>
    public CommandTexts Texts { get; }

    /// <summary>Cancelled when the bot shuts down.</summary>
    public CancellationToken CancellationToken => Session.CancellationToken;

    /// <summary>A service from the event's dependency-injection scope; throws when it is not registered.</summary>
    public T GetRequiredService<T>()
        where T : notnull =>
        Session.Services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException($"Command '{Command.Name}' needs a service of type '{typeof(T).FullName}', which is not registered. Add it to the builder's Services.");

    /// <summary>The reply for a required argument that was not given.</summary>
    public Message MissingArgument(string name) => Texts.Format(Texts.MissingArgument, name);

    /// <summary>The reply for an argument whose value does not convert to its type.</summary>
    public Message InvalidArgument(string name, string type) => Texts.Format(Texts.InvalidArgument, name, Texts.Expectation(type));

    /// <summary>The reply for tokens beyond the declared arguments.</summary>
    public Message TooManyArguments() => Texts.TooManyArguments;
}
