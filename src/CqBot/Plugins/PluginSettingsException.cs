namespace CqBot;

/// <summary>A plugin's setting has a value that cannot be read as its type; the message names the setting.</summary>
public sealed class PluginSettingsException(string message) : Exception(message);
