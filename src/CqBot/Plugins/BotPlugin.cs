using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot;

/// <summary>
/// The unit a bot is composed of: commands, event handlers, middleware, services and a settings
/// section, from the bot's own project or from a library. Mark a <c>partial</c> class with
/// <see cref="PluginAttribute"/> and the generator makes it a plugin that brings every <c>[Command]</c>,
/// <c>[OnNotice]</c>, <c>[Middleware]</c>… of its assembly; add it with <c>builder.AddPlugin&lt;T&gt;()</c>.
/// Override <see cref="ConfigureServices"/> and <see cref="Configure"/> to add more.
/// </summary>
public abstract class BotPlugin
{
    /// <summary>
    /// The plugin's name: its settings are read from <c>CqBot:Plugins:&lt;Name&gt;</c> and run-time
    /// changes address it by this name. The name given to <see cref="PluginAttribute"/>, else the class name.
    /// </summary>
    public virtual string Name => GetType().Name;

    /// <summary>
    /// Registers the services the plugin's commands and handlers ask for. <paramref name="settings"/> is
    /// the configuration section <c>CqBot:Plugins:&lt;Name&gt;</c> (appsettings.json, environment, command line).
    /// Called once, when the plugin is added to the builder.
    /// </summary>
    public virtual void ConfigureServices(IServiceCollection services, IConfiguration settings)
    {
    }

    /// <summary>
    /// Adds middleware, listeners and commands beyond the declared ones, and sets the plugin's scope.
    /// Called once, when the bot is built, after the declared commands and handlers were added.
    /// </summary>
    public virtual void Configure(PluginBuilder plugin)
    {
    }

    /// <summary>Adds the commands, handlers and middleware declared with attributes; the generator writes this.</summary>
    protected virtual void AddDeclarations(PluginBuilder plugin)
    {
    }

    internal void Apply(PluginBuilder plugin)
    {
        AddDeclarations(plugin);
        Configure(plugin);
    }
}
