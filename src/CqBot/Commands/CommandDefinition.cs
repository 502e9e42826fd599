namespace CqBot;

/// <summary>A command as the dispatch table knows it: names, help and the generated handler.</summary>
public sealed class CommandDefinition
{
    /// <summary>Creates a command definition.</summary>
    public CommandDefinition(string name, string[] aliases, string usage, string? description, CommandHandler handler)
    {
        Name = name;
        Aliases = aliases;
        Usage = usage;
        Description = description;
        Handler = handler;
    }

    /// <summary>The command's name, lower-case.</summary>
    public string Name { get; }

    /// <summary>Other names that call the command.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The usage line: the declaration without types.</summary>
    public string Usage { get; }

    /// <summary>The description shown in help.</summary>
    public string? Description { get; }

    /// <summary>The handler that parses the arguments and runs the command.</summary>
    public CommandHandler Handler { get; }
}
