using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CqBot;

/// <summary>
/// Takes each incoming event through the bot: the middleware chain (prepended, then user middleware,
/// then the built-in command middleware), and sends what the chain answers.
/// </summary>
public sealed partial class EventDispatcher
{
    private readonly object _gate = new();
    private readonly ILogger _logger;
    private Middleware[] _prepended = [];
    private Middleware[] _appended = [];
    private Middleware[]? _chain;
    private readonly CommandMiddleware _commandMiddleware;
    private CommandDispatchSettings _dispatchSettings = new();
    private CommandTexts _texts = CommandTexts.ChineseSimplified;

    /// <summary>Creates a dispatcher for the given commands.</summary>
    public EventDispatcher(CommandRegistry commands, ILogger<EventDispatcher>? logger = null)
    {
        Commands = commands;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _commandMiddleware = new CommandMiddleware(this, _logger);
        SortedPrefixes = Sort(_dispatchSettings.Prefixes);
    }

    /// <summary>The commands this bot answers.</summary>
    public CommandRegistry Commands { get; }

    /// <summary>The texts sent for command errors and help; zh-CN unless changed.</summary>
    public CommandTexts Texts
    {
        get => _texts;
        set
        {
            _texts = value;
            lock (_gate)
            {
                _chain = null;
            }
        }
    }

    /// <summary>How messages address commands: prefixes and nicknames.</summary>
    public CommandDispatchSettings DispatchSettings
    {
        get => _dispatchSettings;
        set
        {
            SortedPrefixes = Sort(value.Prefixes);
            _dispatchSettings = value;
        }
    }

    // Longest match first: descending order puts "" last and "!!" before "!".
    internal string[] SortedPrefixes { get; private set; }

    /// <summary>The first configured prefix, shown in help.</summary>
    internal string FirstPrefix => _dispatchSettings.Prefixes.Count > 0 ? _dispatchSettings.Prefixes[0] : "";

    /// <summary>
    /// Adds a middleware after those already added (or before all of them when <paramref name="prepend"/>
    /// is true). Dispose the result to remove it.
    /// </summary>
    public IDisposable Use(Middleware middleware, bool prepend = false)
    {
        lock (_gate)
        {
            if (prepend)
            {
                _prepended = [middleware, .. _prepended];
            }
            else
            {
                _appended = [.. _appended, middleware];
            }
            _chain = null;
        }
        return new Removal(this, middleware);
    }

    /// <summary>Handles one event: runs the chain for messages and sends the answer, if any.</summary>
    public async ValueTask DispatchAsync(Session session)
    {
        if (session.Event is not MessageEvent)
        {
            return;
        }
        Message? reply;
        try
        {
            reply = await new MiddlewareChain(GetChain(), session).RunAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
        {
            LogMiddlewareFailed(exception, session.Event.PostType, session.UserId);
            return;
        }
        if (reply is { Count: > 0 })
        {
            try
            {
                await session.SendAsync(reply, session.CancellationToken).ConfigureAwait(false);
            }
            catch (ApiException exception)
            {
                LogReplyFailed(exception, session.UserId);
            }
        }
    }

    private Middleware[] GetChain()
    {
        var chain = _chain;
        if (chain is not null)
        {
            return chain;
        }
        lock (_gate)
        {
            if (_chain is null)
            {
                // The built-in help speaks the current language; parents named only by subcommands get a help-only command.
                Commands.Add(HelpCommand.Create(this));
                Commands.AddImplicitParents();
                _chain = [.. _prepended, .. _appended, _commandMiddleware.InvokeAsync];
            }
            return _chain;
        }
    }

    private static string[] Sort(IReadOnlyList<string> prefixes)
    {
        var sorted = new string[prefixes.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = prefixes[i];
        }
        Array.Sort(sorted, StringComparer.Ordinal);
        Array.Reverse(sorted);
        return sorted;
    }

    private void Remove(Middleware middleware)
    {
        lock (_gate)
        {
            _prepended = Without(_prepended, middleware);
            _appended = Without(_appended, middleware);
            _chain = null;
        }
    }

    private static Middleware[] Without(Middleware[] items, Middleware middleware)
    {
        var index = Array.IndexOf(items, middleware);
        return index < 0 ? items : [.. items[..index], .. items[(index + 1)..]];
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "A middleware failed while handling a {PostType} event from user {UserId}.")]
    private partial void LogMiddlewareFailed(Exception exception, string postType, long userId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "The reply to user {UserId} could not be sent.")]
    private partial void LogReplyFailed(Exception exception, long userId);

    private sealed class Removal(EventDispatcher owner, Middleware middleware) : IDisposable
    {
        public void Dispose() => owner.Remove(middleware);
    }
}
