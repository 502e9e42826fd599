namespace CqBot;

/// <summary>The result of parsing a command line against a <see cref="CommandSignature"/>.</summary>
public sealed class ParsedCommand
{
    internal ParsedCommand(int optionSlots)
    {
        Options = new CommandValue?[optionSlots];
    }

    /// <summary>The converted arguments in order; a variadic argument contributes one value per token.</summary>
    public List<CommandValue> Arguments { get; } = [];

    /// <summary>One value per option name (see <see cref="CommandSignature.OptionNames"/>); null when the option was not given.</summary>
    public CommandValue?[] Options { get; }

    /// <summary>Options the command does not declare, when <see cref="CommandSignature.AllowUnknownOptions"/> is on; else null.</summary>
    public Dictionary<string, string>? UnknownOptions { get; internal set; }

    /// <summary>True when <c>-h</c> or <c>--help</c> was given and the command does not declare them itself.</summary>
    public bool HelpRequested { get; internal set; }

    /// <summary>The first error, or null when the line parsed.</summary>
    public CommandParseError? Error { get; internal set; }

    /// <summary>Where parsing stopped in the source: its end, or the terminator.</summary>
    public int Stop { get; internal set; }

    /// <summary>The value of the named option, or null when it was not given.</summary>
    public CommandValue? this[string optionName, CommandSignature signature] =>
        signature.SlotOf(optionName) is var slot and >= 0 ? Options[slot] : null;
}
