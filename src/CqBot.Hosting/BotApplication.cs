using CqBot.Hosting.Authentication;
using CqBot.Hosting.Configuration;
using CqBot.Hosting.Health;
using CqBot.Hosting.HttpPost;
using CqBot.Hosting.Infrastructure;
using CqBot.Hosting.Pipeline;
using CqBot.Hosting.Startup;
using CqBot.Hosting.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CqBot.Hosting;

/// <summary>
/// A running bot: the web server that OneBot implementations connect to (HTTP POST at <c>/</c>,
/// reverse WebSocket at <c>/ws/</c>, <c>/ws/api/</c> and <c>/ws/event/</c>, health at <c>/healthz</c>),
/// the connections it opens itself, the middleware chain and the generated commands.
/// </summary>
public sealed partial class BotApplication : IEventRoutes, IAsyncDisposable
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
    /// The routes beside the OneBot endpoints, for an exporter's scrape endpoint (<c>/metrics</c>) or a page
    /// of your own. Put <see cref="AccessTokenCheck"/> in front of anything that should not be public.
    /// </summary>
    public IEndpointRouteBuilder Endpoints => _web;

    /// <summary>
    /// Middleware that lets a request through only with the access token (<c>CqBot:AccessToken</c>) when
    /// one is set, checked as on the OneBot endpoints: 401 without it, 403 with a wrong one. For example
    /// <c>app.Endpoints.MapPrometheusScrapingEndpoint("/metrics", null, branch => branch.Use(app.AccessTokenCheck), null, null)</c>.
    /// </summary>
    public Func<RequestDelegate, RequestDelegate> AccessTokenCheck => AccessTokenGate.Create(Services.GetRequiredService<AccessTokenValidator>());

    /// <summary>
    /// Creates a builder. Settings come from appsettings.json, <c>CQBOT_*</c> environment variables
    /// (<c>CQBOT_ACCESS_TOKEN</c>, <c>CQBOT_URLS</c>, …) and the command line (<c>--urls</c>,
    /// <c>--access-token</c>, <c>--secret</c>, <c>--api-root</c>, <c>--prefix</c>, … ; <c>--help</c> lists
    /// them), later sources winning. The commands and handlers declared in the calling project are added
    /// as its plugin. <c>--help</c> prints the options and throws a <see cref="BotStartupException"/> with
    /// exit code 0; a bad argument throws <see cref="BotConfigurationException"/>. Unhandled, either ends
    /// the process with one line (none for help) and its exit code.
    /// </summary>
    public static BotApplicationBuilder CreateBuilder(string[] args)
    {
        StartupFailure.InstallHandler();
        var commandLine = new BotCommandLine().Parse(args, Console.Out)
            ?? throw new BotStartupException("The command line asked for help or the version, which was written.", 0);
        var builder = new BotApplicationBuilder(commandLine);
        BotApplicationHook.Current?.ConfigureBuilder?.Invoke(builder);
        return builder;
    }

    /// <summary>The root services.</summary>
    public IServiceProvider Services => _web.Services;

    /// <summary>The commands this bot answers, with the built-in <c>help</c>: a read-only snapshot.</summary>
    public CommandRegistry Commands => Dispatcher.Commands;

    /// <summary>The plugins of this bot, in the order they were added; change a plugin's scope through them.</summary>
    public IReadOnlyList<PluginHandle> Plugins => Dispatcher.Plugins;

    /// <summary>The texts of command errors and help: zh-CN unless changed (<see cref="CommandTexts.English"/> is included).</summary>
    public CommandTexts Texts
    {
        get => Dispatcher.Texts;
        set => Dispatcher.Texts = value;
    }

    /// <summary>How messages address commands: prefixes and nicknames (from <c>CqBot:Prefixes</c> and <c>CqBot:Nicknames</c> unless changed).</summary>
    public CommandDispatchSettings DispatchSettings
    {
        get => Dispatcher.DispatchSettings;
        set => Dispatcher.DispatchSettings = value;
    }

    /// <summary>
    /// Adds a hook that runs before each event is handled (NoneBot's event pre-processor); return false
    /// to ignore the event. A hook that throws is logged and the event goes on. Dispose to remove it.
    /// </summary>
    public IDisposable BeforeEvent(Func<Session, ValueTask<bool>> hook) => Dispatcher.BeforeEvent(hook);

    /// <summary>Adds a hook that runs after each handled event with what the bot answered (NoneBot's event post-processor).</summary>
    public IDisposable AfterEvent(Func<Session, QuickOperation?, ValueTask> hook) => Dispatcher.AfterEvent(hook);

    /// <summary>Adds a hook before each event listener or handler run (NoneBot's run pre-processor); return false to skip that handler.</summary>
    public IDisposable BeforeHandler(Func<Session, string?, ValueTask<bool>> hook) => Dispatcher.BeforeHandler(hook);

    /// <summary>Adds a hook after each event listener or handler run, with its answer or exception (NoneBot's run post-processor).</summary>
    public IDisposable AfterHandler(Func<Session, string?, QuickOperation?, Exception?, ValueTask> hook) => Dispatcher.AfterHandler(hook);

    /// <summary>Raised when a middleware, command, handler or listener throws; the bot has logged it and goes on.</summary>
    public event Action<Session, Exception>? Error
    {
        add => Dispatcher.Error += value;
        remove => Dispatcher.Error -= value;
    }

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
    public IDisposable On(string eventName, EventListener listener, int priority = 0, bool block = false) => Dispatcher.On(eventName, listener, priority, block);

    /// <inheritdoc />
    public IDisposable On<TEvent>(Func<TEvent, Session, ValueTask<QuickOperation?>> listener, int priority = 0, bool block = false)
        where TEvent : Event => Dispatcher.On(listener, priority, block);

    /// <inheritdoc />
    public IDisposable OnBeforeCommand(Func<CommandEvent, ValueTask<Message?>> listener) => Dispatcher.OnBeforeCommand(listener);

    /// <inheritdoc />
    public IDisposable OnCommand(Func<CommandEvent, ValueTask> listener) => Dispatcher.OnCommand(listener);

    /// <inheritdoc />
    public IDisposable OnAfterCommand(Func<CommandEvent, ValueTask> listener) => Dispatcher.OnAfterCommand(listener);

    /// <inheritdoc />
    public IDisposable OnBeforeAttachChannel(Action<Session, FieldRequest> listener) => Dispatcher.OnBeforeAttachChannel(listener);

    /// <inheritdoc />
    public IDisposable OnAttachChannel(Func<Session, BotChannel, ValueTask<Message?>> listener) => Dispatcher.OnAttachChannel(listener);

    /// <inheritdoc />
    public IDisposable OnBeforeAttachUser(Action<Session, FieldRequest> listener) => Dispatcher.OnBeforeAttachUser(listener);

    /// <inheritdoc />
    public IDisposable OnAttachUser(Func<Session, BotUser, ValueTask<Message?>> listener) => Dispatcher.OnAttachUser(listener);

    /// <summary>
    /// Runs the bot until the process is asked to stop. When it cannot start (the address is taken,
    /// say), throws a <see cref="BotStartupException"/> saying why; unhandled, it ends the process with
    /// one line and exit code 1 (2 for a setting that fails validation).
    /// </summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>Runs the bot until <paramref name="cancellationToken"/> fires or the process is asked to stop.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (BotApplicationHook.Current?.Run is { } run)
        {
            await run(this, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (Services.GetService<Sandbox.SandboxMarker>() is not null)
        {
            await Sandbox.SandboxSession.RunAsync(this, Console.In, Console.Out, cancellationToken).ConfigureAwait(false);
            return;
        }
        try
        {
            await _web.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!_started && BotStartupException.From(exception) is { } startup)
        {
            throw startup;
        }
    }

    /// <summary>
    /// Connects an OneBot implementation that lives in this process (a test kit, an embedding host):
    /// account <paramref name="selfId"/> becomes ready, its API calls go to <paramref name="api"/>, and
    /// events posted on the returned connection take the same path as from any transport.
    /// </summary>
    public InMemoryConnection ConnectInMemory(long selfId, IApiTransport api)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (selfId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(selfId), selfId, "An account's QQ number is positive.");
        }
        var account = Accounts.AttachInMemory(selfId, api);
        return new InMemoryConnection(account, Services.GetRequiredService<EventIngress>());
    }

    /// <summary>Starts listening and connecting, and returns.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _web.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (BotStartupException.From(exception) is { } startup)
        {
            throw startup;
        }
    }

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
