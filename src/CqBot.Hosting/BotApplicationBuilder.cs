using CqBot.Hosting.Authentication;
using CqBot.Hosting.Configuration;
using CqBot.Hosting.Health;
using CqBot.Hosting.HttpPost;
using CqBot.Hosting.Lifetime;
using CqBot.Hosting.Pipeline;
using CqBot.Hosting.QuickOperations;
using CqBot.Hosting.Startup;
using CqBot.Hosting.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting;

/// <summary>Configures a bot before it starts: services, configuration, logging and <see cref="Options"/>.</summary>
public sealed class BotApplicationBuilder
{
    /// <summary>The address the bot listens on when none is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    private readonly WebApplicationBuilder _web;

    /// <summary>Reads configuration; throws <see cref="BotConfigurationException"/> on a bad setting.</summary>
    internal BotApplicationBuilder(CommandLineSettings commandLine)
    {
        _web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = commandLine.Environment });
        // Later sources win: appsettings.json, then CQBOT_* variables, then the command line.
        _web.Configuration.AddInMemoryCollection(CqBotEnvironmentVariables.Read());
        _web.Configuration.AddInMemoryCollection(commandLine.Settings);
        // One line per HTTP request drowns a bot's log; ASP.NET Core reports warnings and up unless configured.
        _web.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var urls = _web.Configuration["urls"];
        _web.WebHost.UseUrls(string.IsNullOrWhiteSpace(urls) ? DefaultUrl : urls);
        Options = BotOptionsReader.Read(_web.Configuration);
    }

    /// <summary>Services for dependency injection; command handlers and middleware can ask for them.</summary>
    public IServiceCollection Services => _web.Services;

    /// <summary>The configuration: appsettings.json, environment variables and the command line.</summary>
    public ConfigurationManager Configuration => _web.Configuration;

    /// <summary>Logging providers and filters.</summary>
    public ILoggingBuilder Logging => _web.Logging;

    /// <summary>The bot's settings as configured; change them here before <see cref="Build"/>.</summary>
    public BotOptions Options { get; }

    /// <summary>
    /// Builds the bot application. When a setting is invalid, prints one line that names it to
    /// standard error and ends the process with exit code 2.
    /// </summary>
    public BotApplication Build()
    {
        try
        {
            return BuildOrThrow();
        }
        catch (BotConfigurationException exception)
        {
            StartupFailure.Exit(exception.Message, StartupFailure.BadSetting);
            return null;
        }
    }

    /// <summary>Builds the application; throws <see cref="BotConfigurationException"/> on a bad setting.</summary>
    // Commands, handlers and middleware found by the generator, with the configured prefixes and nicknames.
    private static EventDispatcher CreateDispatcher(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<BotOptions>();
        var dispatcher = new EventDispatcher(CommandRegistry.CreateWithGeneratedCommands(), provider.GetService<ILogger<EventDispatcher>>());
        if (options.Prefixes.Count > 0 || options.Nicknames.Count > 0)
        {
            dispatcher.DispatchSettings = new CommandDispatchSettings
            {
                Prefixes = options.Prefixes.Count > 0 ? [.. options.Prefixes] : [""],
                Nicknames = [.. options.Nicknames],
            };
        }
        dispatcher.ApplyGeneratedHandlers();
        return dispatcher;
    }

    internal BotApplication BuildOrThrow()
    {
        BotOptionsReader.Validate(Options);
        var services = _web.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(Options);
        services.AddSingleton(static provider => CreateDispatcher(provider));
        services.AddSingleton(static provider => new AccessTokenValidator(provider.GetRequiredService<BotOptions>().AccessToken));
        services.AddSingleton(static provider => new SignatureValidator(provider.GetRequiredService<BotOptions>().Secret));
        services.AddSingleton(static provider => new BotAccounts(
            provider.GetRequiredService<BotOptions>(),
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan },
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BotAccounts>>(),
            provider.GetRequiredService<ApiHooks>()));
        services.AddSingleton(static provider => new ApiHooks(provider.GetService<ILogger<ApiHooks>>()));
        services.AddSingleton<QuickOperationSender>();
        services.AddSingleton<EventPipeline>();
        services.AddSingleton<EventIngress>();
        services.AddSingleton<ConnectionTracker>();
        services.AddSingleton<ReverseWebSocketEndpoint>();
        services.AddSingleton<HttpPostEndpoint>();
        services.AddSingleton<HealthEndpoint>();
        services.AddHostedService<ForwardWebSocketService>();
        services.AddHostedService<HeartbeatMonitor>();
        services.AddHostedService<GracefulShutdown>();
        return new BotApplication(_web.Build());
    }
}
