using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CqBot;

/// <summary>
/// A plugin with settings of type <typeparamref name="TSettings"/>, read from
/// <c>CqBot:Plugins:&lt;Name&gt;</c> (appsettings.json, <c>CQBOT_PLUGINS__&lt;NAME&gt;__…</c> environment
/// variables) without reflection: for a <see cref="PluginAttribute"/> class the generator writes
/// <see cref="BindSettings"/> from the settings' public properties. Commands and handlers take the
/// settings as <c>IOptions&lt;TSettings&gt;</c> or as <typeparamref name="TSettings"/>. A value that cannot be
/// read, or that <see cref="ValidateSettings"/> refuses, stops start-up with one line naming the setting.
/// </summary>
/// <typeparam name="TSettings">A class with public settable properties of type string, bool, int, long, double, TimeSpan, Uri, an enum, or an array of string or long.</typeparam>
public abstract class BotPlugin<TSettings> : BotPlugin
    where TSettings : class, new()
{
    /// <summary>
    /// Registers the settings as validated options, checked when the bot starts. Call the base method
    /// when you override this to register more services.
    /// </summary>
    public override void ConfigureServices(IServiceCollection services, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddOptions<TSettings>()
            .Configure(value => BindSettings(settings, value))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TSettings>>(new SettingsValidation(this, settings is IConfigurationSection section ? section.Path : Name));
        services.TryAddSingleton(static provider => provider.GetRequiredService<IOptions<TSettings>>().Value);
    }

    /// <summary>Reads the configured values into <paramref name="settings"/>; the generator writes this for a <see cref="PluginAttribute"/> class.</summary>
    protected virtual void BindSettings(IConfiguration section, TSettings settings)
    {
    }

    /// <summary>
    /// Checks the settings once they are read: return null when they are fine, else one sentence that
    /// names the bad setting and says how to fix it (it becomes the start-up error).
    /// </summary>
    protected virtual string? ValidateSettings(TSettings settings) => null;

    private sealed class SettingsValidation(BotPlugin<TSettings> plugin, string path) : IValidateOptions<TSettings>
    {
        public ValidateOptionsResult Validate(string? name, TSettings options) =>
            plugin.ValidateSettings(options) is { } error
                ? ValidateOptionsResult.Fail($"The settings '{path}' of plugin '{plugin.Name}' are not valid: {error}")
                : ValidateOptionsResult.Success;
    }
}
