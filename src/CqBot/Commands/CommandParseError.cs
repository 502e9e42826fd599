using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// What went wrong while parsing a command line. Used by generated code; bot authors change the texts
/// users see through <see cref="CommandTexts"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CommandParseErrorKind
{
    /// <summary>An argument's value does not fit its type.</summary>
    InvalidArgument,

    /// <summary>An option's value does not fit its type.</summary>
    InvalidOption,

    /// <summary>A required argument was not given.</summary>
    MissingArgument,

    /// <summary>More arguments than declared.</summary>
    TooManyArguments,

    /// <summary>An option that the command does not declare.</summary>
    UnknownOption,

    /// <summary>An option that needs a value was given without one.</summary>
    MissingOptionValue,

    /// <summary>A quote was opened and never closed.</summary>
    UnclosedQuote,
}

/// <summary>
/// A parse error: its kind, the argument or option it concerns, and the type that was expected. Created by
/// the parser and by generated code; <see cref="CommandReply.FromError"/> turns it into the reply.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Name">The argument or option name (for an unclosed quote, the text from the quote on).</param>
/// <param name="Expected">The type the value should have had.</param>
/// <param name="Choices">The values that would have been accepted, when the type allows only some (an enum).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct CommandParseError(CommandParseErrorKind Kind, string Name, CommandValueKind Expected = CommandValueKind.String, IReadOnlyList<string>? Choices = null)
{
    /// <summary>The message a user sees, in the given texts' language.</summary>
    public string ToText(CommandTexts texts) => Kind switch
    {
        CommandParseErrorKind.InvalidArgument => texts.Format(texts.InvalidArgument, Name, Expectation(texts)),
        CommandParseErrorKind.InvalidOption => texts.Format(texts.InvalidOption, Name, Expectation(texts)),
        CommandParseErrorKind.MissingArgument => texts.Format(texts.MissingArgument, Name),
        CommandParseErrorKind.TooManyArguments => texts.TooManyArguments,
        CommandParseErrorKind.UnknownOption => texts.Format(texts.UnknownOption, Name),
        CommandParseErrorKind.MissingOptionValue => texts.Format(texts.MissingOptionValue, Name),
        _ => texts.Format(texts.UnclosedQuote, Name),
    };

    private string Expectation(CommandTexts texts) =>
        Choices is { Count: > 0 } choices ? texts.Format(texts.ExpectOneOf, string.Join(texts.ChoiceSeparator, choices)) : texts.Expectation(Expected);
}
