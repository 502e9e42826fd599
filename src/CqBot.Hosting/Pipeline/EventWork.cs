using CqBot.Infrastructure;
using CqBot.Hosting.Accounts;
using CqBot.Hosting.Diagnostics;

namespace CqBot.Hosting.Pipeline;

/// <summary>One event waiting for or going through its handlers.</summary>
internal sealed class EventWork(BotAccount account, Event @event, ChannelKey channel, HttpReplySlot? reply, TaskCompletionSource? done = null) : IChatOrdering
{
    /// <summary>How the event came: a <c>cqbot.transport</c> tag value.</summary>
    public string Transport { get; init; } = Transports.InMemory;

    /// <summary>When it was received (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), or 0 when nothing was listening then.</summary>
    public long Received { get; init; }

    public BotAccount Account { get; } = account;

    public Event Event { get; } = @event;

    public ChannelKey Channel { get; } = channel;

    /// <summary>The waiting HTTP POST response, for events that came that way.</summary>
    public HttpReplySlot? Reply { get; } = reply;

    private int _released;

    /// <summary>True once a handler of this event waits in a prompt and the chat's later events run without it.</summary>
    public bool ReleasedOrdering => Volatile.Read(ref _released) != 0;

    /// <summary>The pipeline running the event, set when it is queued.</summary>
    public EventPipeline? Pipeline { get; set; }

    /// <summary>Lets the chat's later events run while a handler of this one waits for an answer.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Pipeline?.ReleaseOrdering(this);
        }
    }

    private TaskCompletionSource? _done = done;

    /// <summary>
    /// For in-memory connections: completed when the event's handlers are done and its answer was sent, or
    /// when a handler waits for a user's answer. Once an answer resumes the handler, the answering event's
    /// completion takes its place.
    /// </summary>
    public void Finished() => Interlocked.Exchange(ref _done, null)?.TrySetResult();

    public void WaitingForAnswer() => Finished();

    public void Resuming(TaskCompletionSource? answerHandled) => Interlocked.Exchange(ref _done, answerHandled)?.TrySetResult();
}
