using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CqBot;

/// <summary>
/// Takes each incoming event through the bot: the event listeners registered with <see cref="On(string, EventListener)"/>,
/// then, for messages, the middleware chain (prepended, then user middleware, then the built-in
/// command middleware). What they answer is the event's <see cref="QuickOperation"/>.
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
    private ListenerEntry[] _listeners = [];
    private static readonly List<Action<EventDispatcher>> s_generated = [];

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

    /// <summary>
    /// Adds a listener for events named <paramref name="eventName"/>: a post type (<c>notice</c>), or a
    /// post type and its detail type (<c>notice/group_increase</c>, <c>request/friend</c>,
    /// <c>meta_event/heartbeat</c>), optionally followed by the sub-type (<c>request/group/invite</c>).
    /// Listeners run in the order they were added, before the middleware chain; dispose the result to remove one.
    /// </summary>
    public IDisposable On(string eventName, EventListener listener) => On(eventName, listener, priority: 0, block: false);

    /// <summary>
    /// Adds a listener with a priority, as NoneBot orders its matchers: lower numbers run first, and
    /// listeners of equal priority run in the order they were added. A blocking listener that runs
    /// stops the event there: later listeners and the middleware chain (commands included) are skipped.
    /// </summary>
    public IDisposable On(string eventName, EventListener listener, int priority, bool block = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            var entry = new ListenerEntry(eventName, listener, priority, block);
            var index = _listeners.Length;
            while (index > 0 && _listeners[index - 1].Priority > priority)
            {
                index--;
            }
            _listeners = [.. _listeners[..index], entry, .. _listeners[index..]];
        }
        return new ListenerRemoval(this, listener);
    }

    /// <summary>Raised when a middleware, command, handler or listener throws; the bot logs it and goes on.</summary>
    public event Action<Session, Exception>? Error;

    /// <summary>Raised when the middleware chain of a message is done, with what it answered (Koishi's <c>middleware</c> event).</summary>
    public event Action<Session, Message?>? AfterMiddleware;

    internal void RaiseError(Session session, Exception exception)
    {
        try
        {
            Error?.Invoke(session, exception);
        }
        catch (Exception handlerFailure) when (handlerFailure is not OperationCanceledException)
        {
            LogEventHandlerFailed(handlerFailure, nameof(Error));
        }
    }

    private void RaiseAfterMiddleware(Session session, Message? reply)
    {
        try
        {
            AfterMiddleware?.Invoke(session, reply);
        }
        catch (Exception handlerFailure) when (handlerFailure is not OperationCanceledException)
        {
            LogEventHandlerFailed(handlerFailure, nameof(AfterMiddleware));
        }
    }

    /// <summary>
    /// Records handlers and middleware emitted by the source generator; <see cref="ApplyGeneratedHandlers"/>
    /// adds them to a dispatcher. Called from generated module initializers.
    /// </summary>
    public static void AddGenerated(Action<EventDispatcher> register)
    {
        lock (s_generated)
        {
            s_generated.Add(register);
        }
    }

    /// <summary>Adds every <c>[OnMessage]</c>, <c>[OnNotice]</c>, <c>[OnRequest]</c>, <c>[OnMetaEvent]</c> and <c>[Middleware]</c> method the generator found.</summary>
    public void ApplyGeneratedHandlers()
    {
        lock (s_generated)
        {
            foreach (var register in s_generated)
            {
                register(this);
            }
        }
    }

    /// <summary>
    /// Handles one event: runs its listeners and, for messages, the middleware chain, and returns what
    /// they ask for without carrying it out. A host sends the result as the event's quick operation.
    /// </summary>
    public async ValueTask<QuickOperation?> HandleAsync(Session session)
    {
        QuickOperation? operation = null;
        var listeners = _listeners;
        var blocked = false;
        if (listeners.Length > 0)
        {
            (operation, blocked) = await RunListenersAsync(listeners, session).ConfigureAwait(false);
        }
        if (blocked || session.Event is not MessageEvent)
        {
            return operation;
        }
        Message? reply;
        try
        {
            reply = await new MiddlewareChain(GetChain(), session).RunAsync().ConfigureAwait(false);
            RaiseAfterMiddleware(session, reply);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
        {
            LogMiddlewareFailed(exception, session.Event.PostType, session.UserId);
            RaiseError(session, exception);
            return operation;
        }
        if (session.PendingOperation is { } pending)
        {
            operation = operation is null ? pending : operation.MergeWith(pending);
        }
        if (reply is not { Count: > 0 })
        {
            return operation;
        }
        return operation is null ? new QuickOperation { Reply = reply } : operation.MergeWith(new QuickOperation { Reply = reply });
    }

    /// <summary>
    /// Handles one event and sends its reply, if any, with <c>send_msg</c>. Other parts of the quick
    /// operation need a host that knows the transport; use <see cref="HandleAsync"/> there.
    /// </summary>
    public async ValueTask DispatchAsync(Session session)
    {
        var operation = await HandleAsync(session).ConfigureAwait(false);
        if (operation?.Reply is { Count: > 0 } reply)
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

    private async ValueTask<(QuickOperation? Operation, bool Blocked)> RunListenersAsync(ListenerEntry[] listeners, Session session)
    {
        var (postType, detailType, subType) = ReadEventName(session.Event);
        QuickOperation? operation = null;
        foreach (var entry in listeners)
        {
            if (!Matches(entry.Name, postType, detailType, subType))
            {
                continue;
            }
            try
            {
                var result = await entry.Listener(session).ConfigureAwait(false);
                operation = operation is null ? result : operation.MergeWith(result);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
            {
                LogListenerFailed(exception, entry.Name, session.Event.SelfId);
                RaiseError(session, exception);
            }
            if (entry.Block)
            {
                return (operation, true);
            }
        }
        return (operation, false);
    }

    private readonly record struct ListenerEntry(string Name, EventListener Listener, int Priority, bool Block);

    private static bool Matches(string name, string postType, string detailType, string subType)
    {
        var span = name.AsSpan();
        if (!span.StartsWith(postType, StringComparison.Ordinal))
        {
            return false;
        }
        span = span[postType.Length..];
        if (span.IsEmpty)
        {
            return true;
        }
        if (span[0] != '/' || !span[1..].StartsWith(detailType, StringComparison.Ordinal) || detailType.Length == 0)
        {
            return false;
        }
        span = span[(1 + detailType.Length)..];
        return span.IsEmpty || (span[0] == '/' && subType.Length > 0 && span[1..].SequenceEqual(subType));
    }

    private static (string PostType, string DetailType, string SubType) ReadEventName(Event @event) =>
        (@event.PostType, @event.DetailType ?? "", @event.SubType ?? "");

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

    private void RemoveListener(EventListener listener)
    {
        lock (_gate)
        {
            var index = Array.FindIndex(_listeners, entry => entry.Listener == listener);
            if (index >= 0)
            {
                _listeners = [.. _listeners[..index], .. _listeners[(index + 1)..]];
            }
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

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "A handler of the dispatcher's {EventName} event failed.")]
    private partial void LogEventHandlerFailed(Exception exception, string eventName);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "A listener for '{EventName}' events of bot {SelfId} failed.")]
    private partial void LogListenerFailed(Exception exception, string eventName, long selfId);

    private sealed class ListenerRemoval(EventDispatcher owner, EventListener listener) : IDisposable
    {
        public void Dispose() => owner.RemoveListener(listener);
    }

    private sealed class Removal(EventDispatcher owner, Middleware middleware) : IDisposable
    {
        public void Dispose() => owner.Remove(middleware);
    }
}
