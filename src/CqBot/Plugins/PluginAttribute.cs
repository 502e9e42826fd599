namespace CqBot;

/// <summary>
/// Makes a <c>partial</c> class the plugin of its assembly: the generator derives it from
/// <see cref="BotPlugin"/> (unless it already does) and has it add every command, event handler and
/// middleware declared in the assembly. A bot adds it with <c>builder.AddPlugin&lt;T&gt;()</c>; the bot's
/// own project needs no plugin class, its declarations are added by <c>BotApplication.CreateBuilder</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PluginAttribute : Attribute
{
    /// <summary>A plugin named after its class.</summary>
    public PluginAttribute()
    {
    }

    /// <summary>A plugin with the given name (its settings section is <c>CqBot:Plugins:&lt;name&gt;</c>).</summary>
    public PluginAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The plugin's name, or null for the class name.</summary>
    public string? Name { get; }
}
