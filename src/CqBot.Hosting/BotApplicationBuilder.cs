using CqBot.Data;
using CqBot.Data.Sqlite;
using CqBot.Hosting.Authentication;
using CqBot.Hosting.Configuration;
using CqBot.Hosting.Diagnostics;
using CqBot.Hosting.Health;
using CqBot.Hosting.HttpPost;
using CqBot.Hosting.Lifetime;
using CqBot.Hosting.Pipeline;
using CqBot.Hosting.QuickOperations;
using CqBot.Hosting.Startup;
using CqBot.Hosting.WebSockets;
using CqBot.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CqBot.Hosting;

/// <summary>
/// Configures a bot before it starts: plugins, services, configuration and logging. Settings are
/// <see cref="BotOptions"/> through <c>IOptions&lt;BotOptions&gt;</c>: bound from configuration, changed in
/// code with <c>builder.Services.Configure&lt;BotOptions&gt;(…)</c>, validated when the bot is built.
/// </summary>
public sealed class BotApplicationBuilder
{
    /// <summary>The address the bot listens on when none is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    private readonly WebApplicationBuilder _web;
    private readonly List<BotPlugin> _plugins = [];

    /// <summary>Reads configuration; a bad setting is reported when the bot is built.</summary>
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
        // Bound first, so that code's Configure<BotOptions> calls win over configuration.
        _web.Services.AddOptions<BotOptions>().Configure<IConfiguration>(static (options, configuration) => BotOptionsReader.Bind(configuration, options));
        _web.Services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidation>();
        if (commandLine.Sandbox)
        {
            UseSandbox();
        }
    }

    // The terminal chat: no listener (the in-memory connection is the only way in), users in memory
    // unless a store was configured, and the log kept out of the chat (warnings and up, on stderr).
    private void UseSandbox()
    {
        _web.Services.AddSingleton<IServer, Sandbox.SandboxServer>();
        _web.Services.AddSingleton(new Sandbox.SandboxMarker());
        if (string.IsNullOrWhiteSpace(_web.Configuration["CqBot:Storage:Provider"]))
        {
            _web.Configuration["CqBot:Storage:Provider"] = "memory";
        }
        _web.Logging.SetMinimumLevel(LogLevel.Warning);
        _web.Services.Configure<ConsoleLoggerOptions>(static options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>Services for dependency injection; command handlers and middleware can ask for them.</summary>
    public IServiceCollection Services => _web.Services;

    /// <summary>The configuration: appsettings.json, environment variables and the command line.</summary>
    public ConfigurationManager Configuration => _web.Configuration;

    /// <summary>Logging providers and filters.</summary>
    public ILoggingBuilder Logging => _web.Logging;

    /// <summary>The plugins added so far, in order.</summary>
    public IReadOnlyList<BotPlugin> Plugins => _plugins;

    /// <summary>
    /// Adds a plugin: its services now, its commands, handlers and middleware when the bot is built.
    /// A plugin of a type already added is not added again.
    /// </summary>
    public BotApplicationBuilder AddPlugin<TPlugin>()
        where TPlugin : BotPlugin, new() => AddPlugin(new TPlugin());

    /// <inheritdoc cref="AddPlugin{TPlugin}"/>
    public BotApplicationBuilder AddPlugin(BotPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        foreach (var added in _plugins)
        {
            if (added.GetType() == plugin.GetType())
            {
                return this;
            }
        }
        plugin.ConfigureServices(_web.Services, _web.Configuration.GetSection(PluginSettingsSection + plugin.Name));
        _plugins.Add(plugin);
        return this;
    }

    /// <summary>
    /// Keeps users and channels in the store <paramref name="store"/> creates, instead of the one
    /// <c>CqBot:Storage</c> configures (an SQLite file unless changed). For several processes sharing
    /// users: <c>builder.UseStore(_ =&gt; new PostgreSqlBotStore(connectionString))</c>. The bot opens the
    /// store when it starts and disposes it when it stops.
    /// </summary>
    public BotApplicationBuilder UseStore(Func<IServiceProvider, IBotStore> store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        return this;
    }

    private Func<IServiceProvider, IBotStore>? _store;

    /// <summary>Where a plugin's settings are read from: <c>CqBot:Plugins:&lt;Name&gt;</c>.</summary>
    public const string PluginSettingsSection = "CqBot:Plugins:";

    /// <summary>
    /// Builds the bot application. Throws <see cref="BotConfigurationException"/> naming the first invalid
    /// setting; unhandled, it ends the process with one line and exit code 2.
    /// </summary>
    public BotApplication Build()
    {
        var services = _web.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(static provider => provider.GetRequiredService<IOptions<BotOptions>>().Value);
        services.AddSingleton(new PluginList([.. _plugins]));
        var store = _store;
        services.AddSingleton(provider => new StoreHolder(CreateData(provider, store)));
        services.AddSingleton(static provider => provider.GetRequiredService<StoreHolder>().Data
            ?? throw new InvalidOperationException("This bot keeps no users or channels ('CqBot:Storage:Provider' is none), so there is no BotData to inject."));
        services.AddSingleton(static provider => CreateDispatcher(provider));
        services.AddSingleton(static provider => new AccessTokenValidator(provider.GetRequiredService<BotOptions>().AccessToken, provider.GetRequiredService<BotOptions>().Accounts));
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
        services.TryAddSingleton(static provider => new RefusalLog(provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<RefusalLog>>()));
        services.TryAddSingleton<IUndeliveredCallLog>(static provider => provider.GetRequiredService<RefusalLog>());
        services.AddSingleton<EventIngress>();
        services.AddSingleton<ConnectionTracker>();
        services.AddSingleton<ReverseWebSocketEndpoint>();
        services.AddSingleton<HttpPostEndpoint>();
        services.AddSingleton<HealthEndpoint>();
        services.AddHostedService<ForwardWebSocketService>();
        services.AddHostedService<HeartbeatMonitor>();
        services.AddHostedService<GracefulShutdown>();
        services.AddHostedService<StoreLifetime>();
        var web = _web.Build();
        try
        {
            // Settings are checked now, not when the host starts: a bad one stops Build with its one line.
            web.Services.GetService<IStartupValidator>()?.Validate();
            return new BotApplication(web);
        }
        catch (Exception exception) when (BotStartupException.From(exception) is { } startup && startup != exception)
        {
            throw startup;
        }
    }

    // Plugins in the order they were added, then the configured prefixes and nicknames.
    private static EventDispatcher CreateDispatcher(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<BotOptions>();
        var dispatcher = new EventDispatcher(provider.GetService<ILogger<EventDispatcher>>());
        if (options.Prefixes.Count > 0 || options.Nicknames.Count > 0)
        {
            dispatcher.DispatchSettings = new CommandDispatchSettings
            {
                Prefixes = options.Prefixes.Count > 0 ? [.. options.Prefixes] : [""],
                Nicknames = [.. options.Nicknames],
            };
        }
        dispatcher.Data = provider.GetRequiredService<StoreHolder>().Data;
        foreach (var plugin in provider.GetRequiredService<PluginList>().Plugins)
        {
            dispatcher.AddPlugin(plugin);
        }
        return dispatcher;
    }

    // The store the builder was given, else the configured one; none when configured so.
    private static BotData? CreateData(IServiceProvider provider, Func<IServiceProvider, IBotStore>? factory)
    {
        var storage = provider.GetRequiredService<BotOptions>().Storage;
        var store = factory?.Invoke(provider) ?? storage.Provider switch
        {
            StorageProvider.Memory => new InMemoryBotStore(),
            StorageProvider.Sqlite => CreateSqliteStore(provider, storage.Path),
            _ => null,
        };
        if (store is null)
        {
            return null;
        }
        var settings = new BotDataSettings { DefaultAuthority = storage.DefaultAuthority, CacheTime = storage.CacheTime };
        return new BotData(store, settings, provider.GetRequiredService<TimeProvider>(), provider.GetService<ILogger<BotData>>());
    }

    private static SqliteBotStore CreateSqliteStore(IServiceProvider provider, string path) =>
        new(path, provider.GetService<ILogger<SqliteBotStore>>());

    /// <summary>The plugins of the builder, handed to the dispatcher when it is created.</summary>
    private sealed record PluginList(BotPlugin[] Plugins);
}
