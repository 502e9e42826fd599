using CqBot.Hosting.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting;

/// <summary>
/// A running bot: the web server that OneBot implementations connect to, the middleware chain and
/// the commands the source generator found.
/// </summary>
public sealed partial class BotApplication : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly ILogger _logger;

    internal BotApplication(WebApplication web)
    {
        _web = web;
        _logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CqBot");
        Dispatcher = web.Services.GetRequiredService<EventDispatcher>();
        Runtime = web.Services.GetRequiredService<BotRuntime>();

        web.UseWebSockets();
        var endpoint = web.Services.GetRequiredService<ReverseWebSocketEndpoint>();
        // Routing ignores a trailing slash, so "/ws" also serves "/ws/".
        foreach (var path in (ReadOnlySpan<string>)["/ws", "/ws/api", "/ws/event"])
        {
            web.Map(path, endpoint.HandleAsync);
        }
        web.Lifetime.ApplicationStarted.Register(LogListening);
    }

    /// <summary>Creates a builder; configuration comes from appsettings.json, <c>CQBOT_*</c>-style environment variables and <paramref name="args"/>.</summary>
    public static BotApplicationBuilder CreateBuilder(string[] args) => new(args);

    /// <summary>The root services.</summary>
    public IServiceProvider Services => _web.Services;

    /// <summary>The commands this bot answers.</summary>
    public CommandRegistry Commands => Dispatcher.Commands;

    /// <summary>The addresses the server listens on, known once it has started.</summary>
    public IReadOnlyCollection<string> Urls =>
        _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    internal EventDispatcher Dispatcher { get; }

    internal BotRuntime Runtime { get; }

    /// <summary>
    /// Adds a middleware: return <c>await next()</c> to continue the chain, or a reply to stop.
    /// Dispose the result to remove it.
    /// </summary>
    public IDisposable Use(Middleware middleware, bool prepend = false) => Dispatcher.Use(middleware, prepend);

    /// <summary>Runs the bot until the process is asked to stop.</summary>
    public void Run() => _web.Run();

    /// <summary>Runs the bot until <paramref name="cancellationToken"/> fires or the process is asked to stop.</summary>
    public Task RunAsync(CancellationToken cancellationToken = default) => _web.RunAsync(cancellationToken);

    /// <summary>Starts listening and returns.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _web.StartAsync(cancellationToken);

    /// <summary>Stops listening and closes connections.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _web.StopAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _web.DisposeAsync();

    private void LogListening()
    {
        foreach (var url in Urls)
        {
            var ws = url.Replace("http://", "ws://", StringComparison.Ordinal).Replace("https://", "wss://", StringComparison.Ordinal).TrimEnd('/');
            LogEndpoint(url, ws + "/ws/", ws + "/ws/api/", ws + "/ws/event/");
        }
        LogCommands(Commands.Commands.Count);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "CqBot is listening on {Url}. Point your OneBot implementation's reverse WebSocket at {Universal} (universal), or at {Api} and {Event} (split roles).")]
    private partial void LogEndpoint(string url, string universal, string api, string @event);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Count} command(s) registered.")]
    private partial void LogCommands(int count);
}
