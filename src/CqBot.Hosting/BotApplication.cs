using CqBot.Hosting.Configuration;
using CqBot.Hosting.Health;
using CqBot.Hosting.HttpPost;
using CqBot.Hosting.Startup;
using CqBot.Hosting.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting;

/// <summary>
/// A running bot: the web server that OneBot implementations connect to (HTTP POST at <c>/</c>,
/// reverse WebSocket at <c>/ws/</c>, <c>/ws/api/</c> and <c>/ws/event/</c>, health at <c>/healthz</c>),
/// the connections it opens itself, the middleware chain and the generated commands.
/// </summary>
public sealed partial class BotApplication : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly ILogger _logger;
    private volatile bool _started;

    internal BotApplication(WebApplication web)
    {
        _web = web;
        _logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CqBot");
        Dispatcher = web.Services.GetRequiredService<EventDispatcher>();
        Accounts = web.Services.GetRequiredService<BotAccounts>();
        Options = web.Services.GetRequiredService<BotOptions>();

        web.UseWebSockets();
        var reverse = web.Services.GetRequiredService<ReverseWebSocketEndpoint>();
        // Routing ignores a trailing slash, so "/ws" also serves "/ws/".
        foreach (var path in (ReadOnlySpan<string>)["/ws", "/ws/api", "/ws/event"])
        {
            web.Map(path, (RequestDelegate)reverse.HandleAsync);
        }
        web.MapPost("/", (RequestDelegate)web.Services.GetRequiredService<HttpPostEndpoint>().HandleAsync);
        web.MapGet("/healthz", (RequestDelegate)web.Services.GetRequiredService<HealthEndpoint>().HandleAsync);
        web.Lifetime.ApplicationStarted.Register(OnStarted);
    }

    /// <summary>
    /// Creates a builder. Settings come from appsettings.json, <c>CQBOT_*</c> environment variables
    /// (<c>CQBOT_ACCESS_TOKEN</c>, <c>CQBOT_URLS</c>, …) and the command line (<c>--urls</c>,
    /// <c>--access-token</c>, <c>--secret</c>, <c>--api-root</c>, <c>--prefix</c>, … ; <c>--help</c> lists
    /// them), later sources winning. <c>--help</c> prints the options and ends the process; a bad
    /// argument or setting prints one line that names it and ends the process with exit code 2.
    /// </summary>
    public static BotApplicationBuilder CreateBuilder(string[] args)
    {
        try
        {
            var commandLine = new BotCommandLine().Parse(args, Console.Out);
            if (commandLine is null)
            {
                Environment.Exit(0);
            }
            return new BotApplicationBuilder(commandLine);
        }
        catch (BotConfigurationException exception)
        {
            StartupFailure.Exit(exception.Message, StartupFailure.BadSetting);
            return null;
        }
    }

    /// <summary>The root services.</summary>
    public IServiceProvider Services => _web.Services;

    /// <summary>The commands this bot answers.</summary>
    public CommandRegistry Commands => Dispatcher.Commands;

    /// <summary>Hooks around every API call of every account: log, measure, or answer calls yourself.</summary>
    public ApiHooks ApiHooks => Services.GetRequiredService<ApiHooks>();

    /// <summary>The accounts this bot serves, and their connections.</summary>
    public BotAccounts Accounts { get; }

    /// <summary>The bot's settings.</summary>
    public BotOptions Options { get; }

    /// <summary>The addresses the server listens on, known once it has started.</summary>
    public IReadOnlyCollection<string> Urls =>
        _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    internal EventDispatcher Dispatcher { get; }

    /// <summary>
    /// Adds a middleware: return <c>await next()</c> to continue the chain, or a reply to stop.
    /// Dispose the result to remove it.
    /// </summary>
    public IDisposable Use(Middleware middleware, bool prepend = false) => Dispatcher.Use(middleware, prepend);

    /// <summary>
    /// Adds a listener for events such as <c>request/friend</c>, <c>notice/group_increase</c> or
    /// <c>meta_event/heartbeat</c>; the <see cref="QuickOperation"/> it returns is carried out on the
    /// event (approve the request, reply, …). Dispose the result to remove it.
    /// </summary>
    public IDisposable On(string eventName, EventListener listener) => Dispatcher.On(eventName, listener);

    /// <summary>
    /// Runs the bot until the process is asked to stop. When it cannot start (the address is taken,
    /// say), prints one line saying why and ends the process with exit code 1.
    /// </summary>
    public void Run()
    {
        try
        {
            _web.Run();
        }
        catch (Exception exception) when (!_started && exception is IOException or BotConfigurationException)
        {
            StartupFailure.Exit(exception.Message, StartupFailure.CannotStart);
        }
    }

    /// <summary>Runs the bot until <paramref name="cancellationToken"/> fires or the process is asked to stop.</summary>
    public Task RunAsync(CancellationToken cancellationToken = default) => _web.RunAsync(cancellationToken);

    /// <summary>Starts listening and connecting, and returns.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _web.StartAsync(cancellationToken);

    /// <summary>
    /// Stops: no new events are taken, running handlers get <see cref="BotOptions.ShutdownTimeout"/>
    /// to finish, then every connection is closed.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _web.StopAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _web.DisposeAsync();

    private void OnStarted()
    {
        _started = true;
        foreach (var url in Urls)
        {
            var ws = url.Replace("http://", "ws://", StringComparison.Ordinal).Replace("https://", "wss://", StringComparison.Ordinal).TrimEnd('/');
            LogEndpoint(url, ws + "/ws/", ws + "/ws/api/", ws + "/ws/event/");
        }
        LogCommands(Commands.Commands.Count);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "CqBot is listening on {Url}: HTTP POST at /, reverse WebSocket at {Universal} (universal), or {Api} and {Event} (split roles).")]
    private partial void LogEndpoint(string url, string universal, string api, string @event);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Count} command(s) registered.")]
    private partial void LogCommands(int count);
}
