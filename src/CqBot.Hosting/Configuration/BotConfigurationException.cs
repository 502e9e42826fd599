namespace CqBot.Hosting;

/// <summary>A setting is missing or invalid; the message names the setting and how to fix it.</summary>
public sealed class BotConfigurationException(string message) : Exception(message);
