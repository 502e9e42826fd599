using CqBot.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CqBot;

/// <summary>
/// Takes each incoming event through the bot: the event listeners, then, for messages, the middleware
/// chain (prepended, then user middleware, then the built-in command middleware). What they answer is
/// the event's <see cref="QuickOperation"/>.
/// </summary>
/// <remarks>
/// Everything the dispatcher holds is published as an immutable table: an event is handled with the
/// table that was current when it arrived, and a change at run time (<see cref="Use(Middleware, bool)"/>,
/// disposing a registration, <see cref="Texts"/>, <see cref="DispatchSettings"/>) builds a new one instead
/// of changing the one being read.
/// </remarks>
public sealed partial class EventDispatcher : IEventRoutes
{
    private readonly object _gate = new();
    private readonly ILogger _logger;
    private readonly List<CommandDefinition> _commands = [];
    private readonly List<PluginHandle> _plugins = [];
    private MiddlewareEntry[] _prepended = [];
    private MiddlewareEntry[] _appended = [];
    private ListenerEntry[] _listeners = [];
    private CommandDispatchSettings _dispatchSettings = new();
    private CommandTexts _texts = CommandTexts.ChineseSimplified;
    private int _batch;
    private DispatchTable _table = null!;
    private readonly Conversations _conversations = new();

    /// <summary>Creates a dispatcher with no commands; add plugins with <see cref="AddPlugin"/>.</summary>
    public EventDispatcher(ILogger<EventDispatcher>? logger = null)
        : this([], logger)
    {
    }

    /// <summary>Creates a dispatcher for the given commands.</summary>
    public EventDispatcher(CommandRegistry commands, ILogger<EventDispatcher>? logger = null)
        : this(commands.Commands, logger)
    {
    }

    private EventDispatcher(IEnumerable<CommandDefinition> commands, ILogger? logger)
    {
        // The core's instruments are published with the first dispatcher, so that a listener sees them before the first event.
        CqBotMetrics.Publish();
        _logger = logger ?? NullLogger.Instance;
        foreach (var command in commands)
        {
            if (!command.IsBuiltIn)
            {
                _commands.Add(command);
            }
        }
        lock (_gate)
        {
            Publish();
        }
    }

    /// <summary>The commands this bot answers, with the built-in <c>help</c>; a read-only snapshot.</summary>
    public CommandRegistry Commands => Table.Commands;

    /// <summary>The plugins added, in order.</summary>
    public IReadOnlyList<PluginHandle> Plugins
    {
        get
        {
            lock (_gate)
            {
                return [.. _plugins];
            }
        }
    }

    /// <summary>The texts sent for command errors and help; zh-CN unless changed. A change applies to the next event.</summary>
    public CommandTexts Texts
    {
        get => Table.Texts;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _texts = value;
                Publish();
            }
        }
    }

    /// <summary>How messages address commands: prefixes and nicknames. A change applies to the next event.</summary>
    public CommandDispatchSettings DispatchSettings
    {
        get => Table.Settings;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _dispatchSettings = value;
                Publish();
            }
        }
    }

    internal DispatchTable Table => Volatile.Read(ref _table);

    /// <summary>"Did you mean" suggestions waiting for their user's confirmation; they outlive table changes.</summary>
    internal CommandSuggestions Suggestions { get; } = new();

    /// <summary>
    /// Adds a plugin: its declared commands, handlers and middleware, then what its
    /// <see cref="BotPlugin.Configure"/> adds. Nothing of it is added when one of its command names is taken.
    /// </summary>
    public PluginHandle AddPlugin(BotPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var handle = new PluginHandle(plugin.Name);
        lock (_gate)
        {
            var commands = _commands.Count;
            var (prepended, appended, listeners) = (_prepended, _appended, _listeners);
            _batch++;
            try
            {
                plugin.Apply(new PluginBuilder(this, handle));
            }
            catch
            {
                _batch--;
                Restore();
                throw;
            }
            _batch--;
            try
            {
                Publish();
            }
            catch
            {
                Restore();
                throw;
            }
            _plugins.Add(handle);

            void Restore()
            {
                _commands.RemoveRange(commands, _commands.Count - commands);
                (_prepended, _appended, _listeners) = (prepended, appended, listeners);
            }
        }
        return handle;
    }

    /// <summary>Adds a command outside any plugin; its name and aliases must be free.</summary>
    public void AddCommand(CommandDefinition command) => AddCommand(command, owner: null);

    internal void AddCommand(CommandDefinition command, PluginHandle? owner)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_gate)
        {
            command.Owner = owner;
            _commands.Add(command);
            try
            {
                Publish();
            }
            catch
            {
                _commands.RemoveAt(_commands.Count - 1);
                throw;
            }
        }
    }

    /// <inheritdoc />
    public IDisposable Use(Middleware middleware, bool prepend = false) => Use(middleware, prepend, owner: null);

    internal IDisposable Use(Middleware middleware, bool prepend, PluginHandle? owner)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        var entry = new MiddlewareEntry(middleware, owner);
        lock (_gate)
        {
            if (prepend)
            {
                _prepended = [entry, .. _prepended];
            }
            else
            {
                _appended = [.. _appended, entry];
            }
            Publish();
        }
        return new Registration(this, entry);
    }

    /// <inheritdoc />
    public IDisposable On(string eventName, EventListener listener, int priority = 0, bool block = false) =>
        On(eventName, listener, priority, block, owner: null);

    /// <inheritdoc />
    public IDisposable On<TEvent>(Func<TEvent, Session, ValueTask<QuickOperation?>> listener, int priority = 0, bool block = false)
        where TEvent : Event =>
        On(listener, priority, block, owner: null);

    internal IDisposable On<TEvent>(Func<TEvent, Session, ValueTask<QuickOperation?>> listener, int priority, bool block, PluginHandle? owner)
        where TEvent : Event
    {
        ArgumentNullException.ThrowIfNull(listener);
        return Add(new ListenerEntry(null, session => session.Event is TEvent typed ? listener(typed, session) : default, priority, block, owner));
    }

    internal IDisposable On(string eventName, EventListener listener, int priority, bool block, PluginHandle? owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentNullException.ThrowIfNull(listener);
        return Add(new ListenerEntry(eventName, listener, priority, block, owner));
    }

    private Registration Add(ListenerEntry entry)
    {
        lock (_gate)
        {
            var index = _listeners.Length;
            while (index > 0 && _listeners[index - 1].Priority > entry.Priority)
            {
                index--;
            }
            _listeners = [.. _listeners[..index], entry, .. _listeners[index..]];
            Publish();
        }
        return new Registration(this, entry);
    }

    /// <summary>How many prompts are waiting for an answer.</summary>
    public int WaitingPrompts => _conversations.Waiting;

    /// <summary>
    /// Hands a message to the prompt waiting for it (the same user in the same chat), if any. A host
    /// calls this before it orders the message behind the chat's other events, so the answer never waits
    /// for the handler that waits for it; true when the message was taken and must not be handled.
    /// </summary>
    public bool TryDeliverToConversation(Event @event) => _conversations.TryDeliver(@event);

    /// <summary>
    /// As <see cref="TryDeliverToConversation(Event)"/>; when the message is taken, <paramref name="answerHandled"/>
    /// completes once the handler that receives it is done or waits for another answer. A host that reports
    /// when the bot is done with each event (a test kit) passes it.
    /// </summary>
    public bool TryDeliverToConversation(Event @event, TaskCompletionSource? answerHandled) => _conversations.TryDeliver(@event, answerHandled);

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

    // Builds the next table from the current registrations; called under the lock. While a plugin is
    // being added, its registrations are published once at the end.
    private void Publish()
    {
        if (_batch > 0)
        {
            return;
        }
        var registry = new CommandRegistry();
        foreach (var command in _commands)
        {
            registry.Add(command);
        }
        // The built-in help speaks the current language; parents named only by subcommands get a help-only command.
        registry.Add(HelpCommand.Create(_texts));
        // A bot with a store gets the admin commands.
        if (_data is not null)
        {
            foreach (var command in AdminCommands.Create(_texts))
            {
                registry.Add(command);
            }
        }

        registry.AddImplicitParents();
        registry.Freeze();
        var table = new DispatchTable(registry, _listeners, _texts, _dispatchSettings) { Data = _data, AttachHooks = BuildAttachHooks() };
        var chain = new Middleware[_prepended.Length + _appended.Length + 1];
        var i = 0;
        foreach (var entry in _prepended)
        {
            chain[i++] = entry.ToStep();
        }
        foreach (var entry in _appended)
        {
            chain[i++] = entry.ToStep();
        }
        chain[i] = new CommandMiddleware(table, this, _logger).InvokeAsync;
        table.CommandHooks = BuildCommandHooks();
        table.Chain = chain;
        Volatile.Write(ref _table, table);
    }

    /// <summary>
    /// Handles one event: runs its listeners and, for messages, the middleware chain, and returns what
    /// they ask for without carrying it out. A host sends the result as the event's quick operation.
    /// </summary>
    public ValueTask<QuickOperation?> HandleAsync(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var hooks = Volatile.Read(ref _eventHooks);
        return hooks.Length == 0 ? HandleCoreAsync(session) : HandleWithHooksAsync(hooks, session);
    }

    private ValueTask<QuickOperation?> HandleCoreAsync(Session session)
    {
        // A host that did not hand the message to a waiting prompt first: it is the answer, nothing else.
        if (_conversations.TryDeliver(session.Event))
        {
            return default;
        }
        var table = Table;
        session.Conversations = _conversations;
        session.Table = table;
        return table.Data is { } data && session.Event is MessageEvent message
            ? HandleAttachedAsync(data, table, session, message)
            : HandleCoreAsync(table, session);
    }

    private async ValueTask<QuickOperation?> HandleCoreAsync(DispatchTable table, Session session)
    {
        QuickOperation? operation = null;
        var listeners = table.Listeners;
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
            reply = await new MiddlewareChain(table.Chain, session).RunAsync().ConfigureAwait(false);
            RaiseAfterMiddleware(session, reply);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
        {
            if (!IsUndelivered(exception, out var undelivered))
            {
                LogMiddlewareFailed(exception, session.Event.PostType, session.UserId);
            }
            else if (ShouldLogUndelivered(session, undelivered))
            {
                LogMiddlewareCallUndelivered(session.Event.PostType, session.UserId, undelivered.Message);
            }
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
                if (!IsUndelivered(exception, out var undelivered))
                {
                    LogReplyFailed(exception, session.UserId);
                }
                else if (ShouldLogUndelivered(session, undelivered))
                {
                    LogReplyUndelivered(session.UserId, undelivered.Message);
                }
            }
        }
        await AnswerSentAsync(session).ConfigureAwait(false);
    }

    private async ValueTask<(QuickOperation? Operation, bool Blocked)> RunListenersAsync(ListenerEntry[] listeners, Session session)
    {
        var (postType, detailType, subType) = ReadEventName(session.Event);
        QuickOperation? operation = null;
        foreach (var entry in listeners)
        {
            if ((entry.Name is not null && !Matches(entry.Name, postType, detailType, subType)) || (entry.Owner is { } owner && !owner.Allows(session.Event)))
            {
                continue;
            }
            var hooks = Volatile.Read(ref _handlerHooks);
            if (hooks.Length > 0 && !await RunBeforeHandlerAsync(hooks, session, entry.Name).ConfigureAwait(false))
            {
                continue;
            }
            Exception? failure = null;
            QuickOperation? result = null;
            try
            {
                result = await entry.Listener(session).ConfigureAwait(false);
                operation = operation is null ? result : operation.MergeWith(result);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
            {
                failure = exception;
                if (!IsUndelivered(exception, out var undelivered))
                {
                    LogListenerFailed(exception, entry.Name ?? session.Event.PostType, session.Event.SelfId);
                }
                else if (ShouldLogUndelivered(session, undelivered))
                {
                    LogListenerCallUndelivered(entry.Name ?? session.Event.PostType, session.Event.SelfId, undelivered.Message);
                }
                RaiseError(session, exception);
            }
            if (hooks.Length > 0)
            {
                await RunAfterHandlerAsync(hooks, session, entry.Name, result, failure).ConfigureAwait(false);
            }
            if (entry.Block)
            {
                return (operation, true);
            }
        }
        return (operation, false);
    }

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

    private void Remove(object entry)
    {
        lock (_gate)
        {
            _prepended = Without(_prepended, entry);
            _appended = Without(_appended, entry);
            _listeners = Without(_listeners, entry);
            _commandListeners = Without(_commandListeners, entry);
            _eventHooks = Without(_eventHooks, entry);
            _handlerHooks = Without(_handlerHooks, entry);
            _attachListeners = Without(_attachListeners, entry);
            Publish();
        }
    }

    private static T[] Without<T>(T[] items, object entry)
        where T : class
    {
        var index = Array.IndexOf(items, entry);
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

    private sealed class Registration(EventDispatcher owner, object entry) : IDisposable
    {
        public void Dispose() => owner.Remove(entry);
    }
}
