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
internal sealed partial class EventPipeline : IDisposable
{
    private readonly Dictionary<ChannelKey, Queue<EventWork>> _channels = [];
    private readonly EventDispatcher _dispatcher;
    private readonly IServiceScopeFactory _scopes;
    private readonly QuickOperationSender _sender;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _handlersCancelled = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private volatile bool _accepting = true;

    public EventPipeline(EventDispatcher dispatcher, IServiceScopeFactory scopes, QuickOperationSender sender, ILogger<EventPipeline> logger)
    {
        _dispatcher = dispatcher;
        _scopes = scopes;
        _sender = sender;
        _logger = logger;
        HostingMetrics.Register(this);
    }

    /// <summary>Events taken and not yet finished.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

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
    /// HTTP request thread may, but a WebSocket's receive loop must not wait on a handler.
    /// </summary>
    public bool TryEnqueue(EventWork work, bool startInline = false)
    {
        if (!_accepting)
        {
            return false;
        }
        Interlocked.Increment(ref _inFlight);
        work.Pipeline = this;
        lock (_channels)
        {
            if (_channels.TryGetValue(work.Channel, out var queue))
            {
                queue.Enqueue(work);
                return true;
            }
            // An empty queue marks the channel busy; the runner below drains it.
            _channels.Add(work.Channel, new Queue<EventWork>());
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
        lock (_channels)
        {
            var queue = _channels[work.Channel];
            if (!queue.TryDequeue(out var next))
            {
                _channels.Remove(work.Channel);
                return false;
            }
            work = next;
            return true;
        }
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
                else if (work.Reply is null
                    || (work.Account.CanCallApi && !QuickOperationSender.CanAnswerInResponse(operation, work.Event))
                    || !work.Reply.TryComplete(operation))
                {
                    // An answer the implementation would not carry out from the response goes through the
                    // API when the account has one; without one, the response is the only way left.
                    work.Reply?.TryComplete(null);
                    await _sender.SendAsync(session, operation).ConfigureAwait(false);
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
            if (Interlocked.Decrement(ref _inFlight) == 0 && !_accepting)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Stops taking events, waits up to <paramref name="timeout"/> for running handlers, then cancels
    /// the ones still running and gives them a moment to notice.
    /// </summary>
    public async Task DrainAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        _accepting = false;
        if (Volatile.Read(ref _inFlight) == 0)
        {
            _drained.TrySetResult();
        }
        var running = InFlight;
        if (running > 0)
        {
            LogDraining(running, timeout.TotalSeconds);
        }
        try
        {
            await _drained.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // Our own limit passed, or the host stopped waiting: either way, stop the stragglers.
            LogCancellingHandlers(InFlight);
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

    public void Dispose()
    {
        HostingMetrics.Unregister(this);
        _handlersCancelled.Dispose();
    }

    [LoggerMessage(EventId = 2501, Level = LogLevel.Error, Message = "Handling a {PostType} event of bot {SelfId} failed.")]
    private partial void LogEventFailed(Exception exception, long selfId, string postType);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Information, Message = "Shutting down: waiting up to {Seconds} s for {Count} running event(s).")]
    private partial void LogDraining(int count, double seconds);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Warning, Message = "Shutting down: cancelling {Count} event handler(s) that are still running.")]
    private partial void LogCancellingHandlers(int count);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Warning, Message = "Shutting down: {Count} event handler(s) ignored cancellation and were abandoned.")]
    private partial void LogHandlersAbandoned(int count);
}
