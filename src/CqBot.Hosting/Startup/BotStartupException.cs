namespace CqBot.Hosting;

/// <summary>
/// The bot cannot start (or has nothing more to do, as after <c>--help</c>). Thrown by
/// <see cref="BotApplication.CreateBuilder"/>, <see cref="BotApplicationBuilder.Build"/> and
/// <see cref="BotApplication.Run"/>, so tests and other hosts can catch it. When nobody does, the process
/// writes the message as one line to standard error and ends with <see cref="ExitCode"/>: no stack trace.
/// </summary>
public class BotStartupException : Exception
{
    /// <summary>The exit code of a bad setting or argument.</summary>
    public const int BadSettingExitCode = 2;

    /// <summary>The exit code when the bot could not start for another reason (the address is taken, say).</summary>
    public const int CannotStartExitCode = 1;

    /// <summary>Creates the exception.</summary>
    public BotStartupException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>Creates the exception with what caused it.</summary>
    public BotStartupException(string message, int exitCode, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process's exit code when this exception ends it; 0 after <c>--help</c> or <c>--version</c>.</summary>
    public int ExitCode { get; }

    /// <summary>What start-up failures of the host and its options mean for the user, or null for a failure of another kind.</summary>
    internal static BotStartupException? From(Exception exception) => exception switch
    {
        BotStartupException startup => startup,
        AggregateException { InnerExceptions.Count: > 0 } aggregate => From(aggregate.InnerExceptions[0]),
        PluginSettingsException settings => new BotConfigurationException(settings.Message, settings),
        Microsoft.Extensions.Options.OptionsValidationException validation => new BotConfigurationException(validation.Failures.FirstOrDefault() ?? validation.Message, validation),
        IOException io => new BotStartupException(io.Message, CannotStartExitCode, io),
        _ => null,
    };

    /// <summary>True when the message is for the user (an error); false when the output was already written (help).</summary>
    public bool IsError => ExitCode != 0;
}
