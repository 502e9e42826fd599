namespace CqBot.Hosting;

/// <summary>A setting is missing or invalid; the message names the setting and how to fix it. Exit code 2.</summary>
public sealed class BotConfigurationException : BotStartupException
{
    /// <summary>Creates the exception with a message that names the setting.</summary>
    public BotConfigurationException(string message)
        : base(message, BadSettingExitCode)
    {
    }

    /// <summary>Creates the exception with a message that names the setting, and what caused it.</summary>
    public BotConfigurationException(string message, Exception innerException)
        : base(message, BadSettingExitCode, innerException)
    {
    }
}
