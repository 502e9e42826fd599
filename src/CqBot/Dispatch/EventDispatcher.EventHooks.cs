using Microsoft.Extensions.Logging;

namespace CqBot;

public sealed partial class EventDispatcher
{
    private EventHookEntry[] _eventHooks = [];
    private HandlerHookEntry[] _handlerHooks = [];

    /// <summary>
    /// Adds a hook that runs before each event listener or handler (<c>[OnNotice]</c>, <c>app.On…</c>), as
    /// NoneBot's run pre-processors, with the event name it was added for (null for a typed listener):
    /// return false to skip that handler for this event. Dispose the result to remove it.
    /// </summary>
    public IDisposable BeforeHandler(Func<Session, string?, ValueTask<bool>> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return AddHook(new HandlerHookEntry(hook, null));
    }

    /// <summary>
    /// Adds a hook that runs after each event listener or handler with what it answered or the exception
    /// it threw (already logged), as NoneBot's run post-processors. Dispose the result to remove it.
    /// </summary>
    public IDisposable AfterHandler(Func<Session, string?, QuickOperation?, Exception?, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return AddHook(new HandlerHookEntry(null, hook));
    }

    private Registration AddHook(HandlerHookEntry entry)
    {
        lock (_gate)
        {
            Volatile.Write(ref _handlerHooks, [.. _handlerHooks, entry]);
        }
        return new Registration(this, entry);
    }

    private async ValueTask<bool> RunBeforeHandlerAsync(HandlerHookEntry[] hooks, Session session, string? name)
    {
        foreach (var hook in hooks)
        {
            if (hook.Before is not { } before)
            {
                continue;
            }
            try
            {
                if (!await before(session, name).ConfigureAwait(false))
                {
                    return false;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
            {
                LogEventHookFailed(exception, "before-handler", session.Event.PostType);
                RaiseError(session, exception);
            }
        }
        return true;
    }

    private async ValueTask RunAfterHandlerAsync(HandlerHookEntry[] hooks, Session session, string? name, QuickOperation? result, Exception? failure)
    {
        foreach (var hook in hooks)
        {
            if (hook.After is not { } after)
            {
                continue;
            }
            try
            {
                await after(session, name, result, failure).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
            {
                LogEventHookFailed(exception, "after-handler", session.Event.PostType);
                RaiseError(session, exception);
            }
        }
    }

    /// <summary>
    /// Adds a hook that runs before each event is handled, as NoneBot's event pre-processors: return
    /// false to ignore the event (no listener, middleware or command sees it). A hook that throws is
    /// logged and the event goes on. Dispose the result to remove it.
    /// </summary>
    public IDisposable BeforeEvent(Func<Session, ValueTask<bool>> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return AddHook(new EventHookEntry(hook, null));
    }

    /// <summary>
    /// Adds a hook that runs after each event was handled (and not ignored), with what the bot answered,
    /// as NoneBot's event post-processors. A hook that throws is logged. Dispose the result to remove it.
    /// </summary>
    public IDisposable AfterEvent(Func<Session, QuickOperation?, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return AddHook(new EventHookEntry(null, hook));
    }

    private Registration AddHook(EventHookEntry entry)
    {
        lock (_gate)
        {
            Volatile.Write(ref _eventHooks, [.. _eventHooks, entry]);
        }
        return new Registration(this, entry);
    }

    private async ValueTask<QuickOperation?> HandleWithHooksAsync(EventHookEntry[] hooks, Session session)
    {
        foreach (var hook in hooks)
        {
            if (hook.Before is not { } before)
            {
                continue;
            }
            try
            {
                if (!await before(session).ConfigureAwait(false))
                {
                    LogEventIgnored(session.Event.PostType, session.Event.SelfId);
                    return null;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
            {
                LogEventHookFailed(exception, "before", session.Event.PostType);
                RaiseError(session, exception);
            }
        }
        var operation = await HandleCoreAsync(session).ConfigureAwait(false);
        foreach (var hook in hooks)
        {
            if (hook.After is not { } after)
            {
                continue;
            }
            try
            {
                await after(session, operation).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
            {
                LogEventHookFailed(exception, "after", session.Event.PostType);
                RaiseError(session, exception);
            }
        }
        return operation;
    }

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "An {Stage}-event hook failed on a {PostType} event; the event goes on.")]
    private partial void LogEventHookFailed(Exception exception, string stage, string postType);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "A before-event hook ignored a {PostType} event of bot {SelfId}.")]
    private partial void LogEventIgnored(string postType, long selfId);

    private sealed class HandlerHookEntry(Func<Session, string?, ValueTask<bool>>? before, Func<Session, string?, QuickOperation?, Exception?, ValueTask>? after)
    {
        public Func<Session, string?, ValueTask<bool>>? Before { get; } = before;

        public Func<Session, string?, QuickOperation?, Exception?, ValueTask>? After { get; } = after;
    }

    private sealed class EventHookEntry(Func<Session, ValueTask<bool>>? before, Func<Session, QuickOperation?, ValueTask>? after)
    {
        public Func<Session, ValueTask<bool>>? Before { get; } = before;

        public Func<Session, QuickOperation?, ValueTask>? After { get; } = after;
    }
}
