namespace CqBot;

/// <summary>
/// The bytes given to <see cref="EventParser.Parse"/> are not a OneBot event: not valid JSON, not a
/// JSON object, or an object with an id that is not an integer. The message says what is wrong and where.
/// </summary>
public sealed class EventParseException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public EventParseException()
        : base("The input is not a OneBot event.")
    {
    }

    /// <summary>Creates the exception with a message that says what is wrong.</summary>
    /// <param name="message">What is wrong with the input.</param>
    public EventParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong with the input.</param>
    /// <param name="innerException">The underlying error, usually a <see cref="System.Text.Json.JsonException"/>.</param>
    public EventParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
