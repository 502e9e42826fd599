using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting;

/// <summary>Configures a bot before it starts: services, configuration and logging.</summary>
public sealed class BotApplicationBuilder
{
    /// <summary>The address the bot listens on when none is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    private readonly WebApplicationBuilder _web;

    internal BotApplicationBuilder(string[] args)
    {
        _web = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(_web.Configuration["urls"]))
        {
            _web.WebHost.UseUrls(DefaultUrl);
        }
    }

    /// <summary>Services for dependency injection; command handlers and middleware can ask for them.</summary>
    public IServiceCollection Services => _web.Services;

    /// <summary>The configuration: appsettings.json, environment variables and the command line.</summary>
    public ConfigurationManager Configuration => _web.Configuration;

    /// <summary>Logging providers and filters.</summary>
    public ILoggingBuilder Logging => _web.Logging;

    /// <summary>Builds the bot application.</summary>
    public BotApplication Build()
    {
        _web.Services.AddSingleton(static provider =>
            new EventDispatcher(CommandRegistry.CreateWithGeneratedCommands(), provider.GetService<ILogger<EventDispatcher>>()));
        _web.Services.AddSingleton(static provider => new BotRuntime(provider.GetRequiredService<EventDispatcher>(), provider));
        _web.Services.AddSingleton<WebSockets.ReverseWebSocketEndpoint>();
        return new BotApplication(_web.Build());
    }
}
