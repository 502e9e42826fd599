using Microsoft.Extensions.Logging;

namespace CqBot;

public sealed partial class EventDispatcher
{
    private EventHookEntry[] _eventHooks = [];

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

    private sealed class EventHookEntry(Func<Session, ValueTask<bool>>? before, Func<Session, QuickOperation?, ValueTask>? after)
    {
        public Func<Session, ValueTask<bool>>? Before { get; } = before;

        public Func<Session, QuickOperation?, ValueTask>? After { get; } = after;
    }
}
