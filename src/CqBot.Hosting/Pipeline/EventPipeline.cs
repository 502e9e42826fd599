using System.Diagnostics;
using CqBot.Hosting.Diagnostics;
using CqBot.Hosting.QuickOperations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting.Pipeline;

/// <summary>
/// Runs handlers: events of different chats concurrently, events of one chat one after another in
/// arrival order, each in its own dependency-injection scope. Its answer goes back as the event's
/// quick operation. On shutdown it stops taking events and waits, for a bounded time, for running ones.
/// </summary>
/// <remarks>
/// What it holds is bounded, so that a flood in one chat neither exhausts memory nor delays other
/// chats: at most <see cref="BotOptions.MaxQueuedEventsPerChat"/> events wait in one chat, and at most
/// <see cref="BotOptions.MaxPendingEvents"/> are taken and unfinished in all. Over a limit, the chat's
/// oldest waiting event is dropped (or the new one, when its chat has none waiting); an event whose
/// handlers have started, and a meta event, never are. Drops are counted and logged once per chat
/// per <see cref="DropLogInterval"/> with their number, not once each.
/// </remarks>
internal sealed partial class EventPipeline : IDisposable
{
    private static readonly TimeSpan DropLogInterval = TimeSpan.FromSeconds(10);

    private readonly Dictionary<ChannelKey, ChatQueue> _channels = [];
    private readonly EventDispatcher _dispatcher;
    private readonly IServiceScopeFactory _scopes;
    private readonly QuickOperationSender _sender;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _handlersCancelled = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _maxQueuedPerChat;
    private readonly int _maxPending;
    private readonly TimeSpan _quickOperationWindow;
    private int _inFlight;

    // The bytes of the events taken and not yet finished, against MaxPendingBytes.
    private long _pendingBytes;
    private readonly long _maxPendingBytes;
    private volatile bool _accepting = true;

    // Events dropped over MaxPendingEvents while their chat had none waiting; guarded by _channels.
    private int _droppedOverTotal;
    private long _droppedOverTotalLoggedAt;
    private bool _droppedOverTotalLogged;

    public EventPipeline(
        EventDispatcher dispatcher, IServiceScopeFactory scopes, QuickOperationSender sender, BotOptions options, TimeProvider time, ILogger<EventPipeline> logger)
    {
        _dispatcher = dispatcher;
        _scopes = scopes;
        _sender = sender;
        _time = time;
        _logger = logger;
        _maxQueuedPerChat = options.MaxQueuedEventsPerChat;
        _maxPending = options.MaxPendingEvents;
        _maxPendingBytes = options.MaxPendingBytes;
        _quickOperationWindow = options.QuickOperationWindow;
        HostingMetrics.Register(this);
    }

    /// <summary>Events taken and not yet finished.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Bytes of the events taken and not yet finished.</summary>
    public long PendingBytes => Interlocked.Read(ref _pendingBytes);

    /// <summary>Events queued behind an earlier event of their chat; <paramref name="longest"/> is the longest chat's queue.</summary>
    public int Backlog(out int longest)
    {
        var total = 0;
        longest = 0;
        lock (_channels)
        {
            foreach (var queue in _channels.Values)
            {
                total += queue.Count;
                longest = Math.Max(longest, queue.Count);
            }
        }
        return total;
    }

    /// <summary>
    /// Queues an event behind earlier ones of its chat; false once shutdown has begun. When the chat is
    /// idle and <paramref name="startInline"/> is true, its handlers start on the calling thread; an
    /// HTTP request thread may, but a WebSocket's receive loop must not wait on a handler. True also
    /// when a limit dropped the event or an older one of its chat (see the remarks on the class).
    /// </summary>
    public bool TryEnqueue(EventWork work, bool startInline = false)
    {
        if (!_accepting)
        {
            return false;
        }
        work.Pipeline = this;
        var meta = work.Channel.Kind == ChannelKind.Meta;
        var size = work.Event.RawUtf8.Length;
        var overBytes = Interlocked.Add(ref _pendingBytes, size) > _maxPendingBytes;
        if ((Interlocked.Increment(ref _inFlight) > _maxPending || overBytes) && !meta && EnqueueOverTotal(work))
        {
            return true;
        }
        EventWork? dropped = null;
        var droppedToLog = 0;
        var queued = false;
        lock (_channels)
        {
            if (_channels.TryGetValue(work.Channel, out var queue))
            {
                // The queue holds only events that have not started: the running one left it.
                if (queue.Count >= _maxQueuedPerChat && !meta)
                {
                    dropped = queue.Dequeue();
                    droppedToLog = NoteDropped(queue);
                }
                queue.Enqueue(work);
                queued = true;
            }
            else
            {
                // An empty queue marks the channel busy; the runner below drains it.
                _channels.Add(work.Channel, new ChatQueue());
            }
        }
        if (queued)
        {
            if (dropped is not null)
            {
                Drop(dropped, droppedToLog);
            }
            return true;
        }
        if (startInline)
        {
            _ = RunChannelAsync(work);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Pipeline.RunChannelAsync(state.Work), (Pipeline: this, Work: work), preferLocal: false);
        }
        return true;
    }

    // Over MaxPendingEvents: the event takes the place of its chat's oldest waiting event, or is
    // dropped itself when its chat has none waiting (an idle chat would start one more handler).
    // Returns false when the event may go on as usual: room was made by dropping the oldest waiting
    // event of the chat with the most waiting, so that a flood pays for itself, not a quiet chat.
    private bool EnqueueOverTotal(EventWork work)
    {
        EventWork dropped;
        var droppedToLog = 0;
        var admitted = false;
        lock (_channels)
        {
            if (_channels.TryGetValue(work.Channel, out var queue) && queue.Count > 0)
            {
                dropped = queue.Dequeue();
                queue.Enqueue(work);
                droppedToLog = NoteDropped(queue);
            }
            else if (Longest() is { } longest)
            {
                dropped = longest.Dequeue();
                droppedToLog = NoteDropped(longest);
                admitted = true;
            }
            else
            {
                dropped = work;
                _droppedOverTotal++;
                var now = _time.GetTimestamp();
                if (!_droppedOverTotalLogged || _time.GetElapsedTime(_droppedOverTotalLoggedAt, now) >= DropLogInterval)
                {
                    droppedToLog = _droppedOverTotal;
                    _droppedOverTotal = 0;
                    _droppedOverTotalLogged = true;
                    _droppedOverTotalLoggedAt = now;
                }
            }
        }
        if (ReferenceEquals(dropped, work))
        {
            Drop(dropped, 0);
            if (droppedToLog > 0)
            {
                LogDroppedOverTotal(droppedToLog, _maxPending);
            }
            return true;
        }
        Drop(dropped, droppedToLog);
        return !admitted;
    }

    // The chat with the most events waiting, if any waits; under the lock. Only runs over a limit.
    private ChatQueue? Longest()
    {
        ChatQueue? longest = null;
        foreach (var (key, queue) in _channels)
        {
            if (key.Kind != ChannelKind.Meta && queue.Count > (longest?.Count ?? 0))
            {
                longest = queue;
            }
        }
        return longest;
    }

    // Counts a drop in the chat; returns how many to log now (0 within the interval). Under the lock.
    private int NoteDropped(ChatQueue queue)
    {
        queue.Dropped++;
        var now = _time.GetTimestamp();
        if (queue.Logged && _time.GetElapsedTime(queue.LoggedAt, now) < DropLogInterval)
        {
            return 0;
        }
        var count = queue.Dropped;
        queue.Dropped = 0;
        queue.Logged = true;
        queue.LoggedAt = now;
        return count;
    }

    // Ends an event that never started: its HTTP response gets 204, an in-memory sender its completion.
    private void Drop(EventWork work, int droppedToLog)
    {
        HostingMetrics.Refused(work.Transport, RefusalReasons.QueueFull);
        if (droppedToLog > 0)
        {
            LogDroppedInChat(droppedToLog, work.Channel.Kind, work.Channel.Id, work.Account.SelfId, _maxQueuedPerChat, _maxPending);
        }
        work.Reply?.TryComplete(null);
        work.Finished();
        Finish(work);
    }

    private void Finish(EventWork work)
    {
        Interlocked.Add(ref _pendingBytes, -work.Event.RawUtf8.Length);
        if (Interlocked.Decrement(ref _inFlight) == 0 && !_accepting)
        {
            _drained.TrySetResult();
        }
    }

    private async Task RunChannelAsync(EventWork work)
    {
        while (true)
        {
            await ProcessAsync(work).ConfigureAwait(false);
            // A handler that waited in a prompt handed the chat's later events to another runner.
            if (work.ReleasedOrdering || !TryTakeNext(ref work))
            {
                return;
            }
        }
    }

    // The next event of the chat, or false (and the chat is idle) when there is none.
    private bool TryTakeNext(ref EventWork work)
    {
        int dropped;
        lock (_channels)
        {
            var queue = _channels[work.Channel];
            if (queue.TryDequeue(out var next))
            {
                work = next;
                return true;
            }
            _channels.Remove(work.Channel);
            dropped = queue.Dropped;
        }
        if (dropped > 0)
        {
            // The rest of a flood's count, not yet logged when the chat went idle.
            LogDroppedInChat(dropped, work.Channel.Kind, work.Channel.Id, work.Account.SelfId, _maxQueuedPerChat, _maxPending);
        }
        return false;
    }

    // Called when a handler starts waiting for a user's answer: the chat's later events (the answer
    // among them, or other users' messages) must not wait for it, so they get a runner of their own.
    internal void ReleaseOrdering(EventWork work)
    {
        var current = work;
        if (TryTakeNext(ref current))
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Pipeline.RunChannelAsync(state.Work), (Pipeline: this, Work: current), preferLocal: false);
        }
    }

    private async Task ProcessAsync(EventWork work)
    {
        var cancellation = work.Account.HandlerToken(_handlersCancelled.Token);
        // With nothing listening this is one branch; the event's activity is the parent of its commands' and API calls'.
        long start = 0;
        Activity? activity = null;
        Exception? failure = null;
        if (HostingMetrics.EventsObserved)
        {
            start = work.Received != 0 ? work.Received : Stopwatch.GetTimestamp();
            activity = EventActivity.Start(work, start);
        }
        try
        {
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var session = new Session(work.Event, work.Account.Bot, scope.ServiceProvider, cancellation) { ChatOrdering = work };
                var operation = await _dispatcher.HandleAsync(session).ConfigureAwait(false);
                if (operation is null || operation.IsEmpty)
                {
                    work.Reply?.TryComplete(null);
                }
                else if (work.Reply is null)
                {
                    await _sender.SendAsync(session, operation).ConfigureAwait(false);
                }
                else
                {
                    await AnswerInResponseAsync(work, work.Reply, session, operation).ConfigureAwait(false);
                }
                await _dispatcher.AnswerSentAsync(session).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            // A handler's bug never takes the bot down, nor blocks the chat's later events.
            failure = exception;
            work.Reply?.TryComplete(null);
            if (exception is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                LogEventFailed(exception, work.Account.SelfId, work.Event.PostType);
            }
        }
        finally
        {
            if (start != 0)
            {
                EventActivity.Stop(work, activity, start, failure);
            }
            work.Finished();
            Finish(work);
        }
    }

    // An HTTP POST is waiting. Its response carries the answer when the implementation would carry it
    // out from there and, for a message, when the send limit lets it go now: a reply in the response is
    // a message like any other. An answer that would have to wait goes through the API, at the limit's
    // pace, and the response gets 204. An account without an API has only the response: its reply waits
    // for the limit up to QuickOperationWindow, and is dropped (counted and logged) if the response has
    // stopped waiting by then.
    private async ValueTask AnswerInResponseAsync(EventWork work, HttpReplySlot reply, Session session, QuickOperation operation)
    {
        var account = work.Account;
        var canCallApi = account.CanCallApi;
        if (canCallApi && !QuickOperationSender.CanAnswerInResponse(operation, work.Event))
        {
            reply.TryComplete(null);
            await _sender.SendAsync(session, operation).ConfigureAwait(false);
            return;
        }
        if (account.Limiter is { } limiter && QuickOperationSender.SendsMessage(operation, work.Event))
        {
            var groupId = (work.Event as GroupMessageEvent)?.GroupId;
            if (!limiter.TryAcquireNow(groupId))
            {
                if (canCallApi)
                {
                    reply.TryComplete(null);
                    await _sender.SendAsync(session, operation).ConfigureAwait(false);
                    return;
                }
                if (!await TryAcquireWithinWindowAsync(limiter, groupId, session.CancellationToken).ConfigureAwait(false) || !reply.TryComplete(operation))
                {
                    reply.TryComplete(null);
                    limiter.CountRefused();
                    LogReplyDroppedWithoutApi(account.SelfId, _quickOperationWindow.TotalSeconds);
                }
                return;
            }
        }
        if (!reply.TryComplete(operation))
        {
            // The response stopped waiting: the API is the only way left.
            await _sender.SendAsync(session, operation).ConfigureAwait(false);
        }
    }

    private async ValueTask<bool> TryAcquireWithinWindowAsync(RateLimiting.SendRateLimiter limiter, long? groupId, CancellationToken cancellationToken)
    {
        using var window = new CancellationTokenSource(_quickOperationWindow, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(window.Token, cancellationToken);
        try
        {
            await limiter.AcquireAsync(groupId, linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (SendQueueFullException)
        {
            return false;
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Stops taking events, waits up to <paramref name="timeout"/> for running handlers and the events
    /// waiting behind them, then drops the events that have still not started (an HTTP POST among them
    /// gets 204), cancels the handlers still running and gives them a moment to notice. Each step is
    /// logged with its count.
    /// </summary>
    public async Task DrainAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        _accepting = false;
        if (Volatile.Read(ref _inFlight) == 0)
        {
            _drained.TrySetResult();
        }
        var waiting = Backlog(out _);
        var running = InFlight - waiting;
        if (running > 0 || waiting > 0)
        {
            LogDraining(running, waiting, timeout.TotalSeconds);
        }
        try
        {
            await _drained.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // Our own limit passed, or the host stopped waiting: either way, stop the stragglers.
        }
        // Waiting events would only start with a cancelled token: they are answered and dropped first,
        // so that what is left, and counted, is exactly the handlers that are running.
        var neverStarted = DropWaiting();
        if (neverStarted > 0)
        {
            LogNeverStarted(neverStarted);
        }
        var cancelled = InFlight;
        if (cancelled > 0)
        {
            LogCancellingHandlers(cancelled);
        }
        await _handlersCancelled.CancelAsync().ConfigureAwait(false);
        try
        {
            await _drained.Task.WaitAsync(TimeSpan.FromSeconds(1), time, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogHandlersAbandoned(InFlight);
        }
    }

    // Empties every chat's queue (the chats stay marked busy: their runners end them) and ends the
    // events that were in it; returns how many.
    private int DropWaiting()
    {
        var dropped = new List<EventWork>();
        lock (_channels)
        {
            foreach (var queue in _channels.Values)
            {
                dropped.AddRange(queue);
                queue.Clear();
            }
        }
        foreach (var work in dropped)
        {
            HostingMetrics.Refused(work.Transport, RefusalReasons.ShuttingDown);
            work.Reply?.TryComplete(null);
            work.Finished();
            Finish(work);
        }
        return dropped.Count;
    }

    public void Dispose()
    {
        HostingMetrics.Unregister(this);
        _handlersCancelled.Dispose();
    }

    /// <summary>A chat's waiting events; the drop counts are guarded by the pipeline's lock.</summary>
    private sealed class ChatQueue : Queue<EventWork>
    {
        /// <summary>Events of the chat dropped and not yet logged.</summary>
        public int Dropped;

        /// <summary>Whether a drop was logged, and when (<see cref="TimeProvider.GetTimestamp"/>).</summary>
        public bool Logged;

        public long LoggedAt;
    }

    [LoggerMessage(EventId = 2505, Level = LogLevel.Warning, Message = "Dropped the {Count} oldest waiting event(s) of {ChatKind} {ChatId} of bot {SelfId}: too many were waiting ({PerChat} in a chat, CqBot:MaxQueuedEventsPerChat; {Total} in all, CqBot:MaxPendingEvents).")]
    private partial void LogDroppedInChat(int count, ChannelKind chatKind, long chatId, long selfId, int perChat, int total);

    [LoggerMessage(EventId = 2506, Level = LogLevel.Warning, Message = "Dropped {Count} new event(s): {Limit} events were already waiting or running (CqBot:MaxPendingEvents).")]
    private partial void LogDroppedOverTotal(int count, int limit);

    [LoggerMessage(EventId = 2507, Level = LogLevel.Warning, Message = "A reply of bot {SelfId} was dropped: its send rate limit did not let it go within {Seconds} s, and without an API (CqBot:ApiRoot or a WebSocket) it could only go in the HTTP POST response.")]
    private partial void LogReplyDroppedWithoutApi(long selfId, double seconds);

    [LoggerMessage(EventId = 2501, Level = LogLevel.Error, Message = "Handling a {PostType} event of bot {SelfId} failed.")]
    private partial void LogEventFailed(Exception exception, long selfId, string postType);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Information, Message = "Shutting down: waiting up to {Seconds} s for {Running} running event(s) and {Waiting} queued behind them.")]
    private partial void LogDraining(int running, int waiting, double seconds);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Warning, Message = "Shutting down: cancelling {Count} event handler(s) that are still running.")]
    private partial void LogCancellingHandlers(int count);

    [LoggerMessage(EventId = 2509, Level = LogLevel.Warning, Message = "Shutting down: {Count} queued event(s) were never started and are dropped.")]
    private partial void LogNeverStarted(int count);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Warning, Message = "Shutting down: {Count} event handler(s) ignored cancellation and were abandoned.")]
    private partial void LogHandlersAbandoned(int count);
}
