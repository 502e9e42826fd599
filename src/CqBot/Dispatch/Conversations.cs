using System.Collections.Concurrent;
using CqBot.Diagnostics;

namespace CqBot;

/// <summary>
/// The prompts waiting for a user's next message, by account, chat and user. A host hands each
/// incoming message here first (<see cref="EventDispatcher.TryDeliverToConversation"/>), before it is
/// ordered behind the chat's other events, so the answer never queues behind the handler waiting for it.
/// </summary>
internal sealed class Conversations
{
    private readonly ConcurrentDictionary<Key, TaskCompletionSource<MessageEvent?>> _waiting = new();
    private int _count;

    /// <summary>How many prompts are waiting.</summary>
    public int Waiting => Volatile.Read(ref _count);

    /// <summary>Gives <paramref name="event"/> to the prompt waiting for it; false when none is (the common case costs one read).</summary>
    public bool TryDeliver(Event @event)
    {
        if (Volatile.Read(ref _count) == 0 || @event is not MessageEvent message || !_waiting.TryRemove(KeyOf(message), out var waiter))
        {
            return false;
        }
        Interlocked.Decrement(ref _count);
        CqBotMetrics.ConversationEnded();
        return waiter.TrySetResult(message);
    }

    /// <summary>
    /// Waits for the next message of the sender of <paramref name="source"/> in its chat. Null when the
    /// wait timed out or was cancelled (TimedOut tells which).
    /// </summary>
    public async ValueTask<(MessageEvent? Answer, bool TimedOut)> WaitAsync(MessageEvent source, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = KeyOf(source);
        var waiter = new TaskCompletionSource<MessageEvent?>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The clock starts before the prompt counts as waiting, so whoever sees it waiting sees its timeout running.
        var answered = waiter.Task.WaitAsync(timeout, time, cancellationToken);
        // A newer prompt of the same user in the same chat takes the next message; the older one ends.
        _waiting.AddOrUpdate(
            key,
            static (_, state) =>
            {
                Interlocked.Increment(ref state.Conversations._count);
                CqBotMetrics.ConversationStarted();
                return state.Waiter;
            },
            static (_, older, state) =>
            {
                older.TrySetResult(null);
                return state.Waiter;
            },
            (Conversations: this, Waiter: waiter));
        try
        {
            return (await answered.ConfigureAwait(false), false);
        }
        catch (TimeoutException)
        {
            return (null, true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (null, false);
        }
        finally
        {
            if (_waiting.TryRemove(new KeyValuePair<Key, TaskCompletionSource<MessageEvent?>>(key, waiter)))
            {
                Interlocked.Decrement(ref _count);
                CqBotMetrics.ConversationEnded();
            }
        }
    }

    private static Key KeyOf(MessageEvent message) => new(message.SelfId, (message as GroupMessageEvent)?.GroupId ?? 0, message.UserId);

    private readonly record struct Key(long SelfId, long GroupId, long UserId);
}
