using System.Collections.Concurrent;
using CqBot.Diagnostics;
using CqBot.Infrastructure;

namespace CqBot;

/// <summary>
/// The prompts waiting for a user's next message, by account, chat and user. A host hands each
/// incoming message here first (<see cref="EventDispatcher.TryDeliverToConversation(Event)"/>), before it is
/// ordered behind the chat's other events, so the answer never queues behind the handler waiting for it.
/// </summary>
internal sealed class Conversations
{
    private readonly ConcurrentDictionary<Key, Prompt> _waiting = new();
    private int _count;

    /// <summary>How many prompts are waiting.</summary>
    public int Waiting => Volatile.Read(ref _count);

    /// <summary>
    /// Gives <paramref name="event"/> to the prompt waiting for it; false when none is (the common case costs
    /// one read). <paramref name="answerHandled"/>, when given, completes once the resumed handler is done or
    /// waits again.
    /// </summary>
    public bool TryDeliver(Event @event, TaskCompletionSource? answerHandled = null)
    {
        if (Volatile.Read(ref _count) == 0 || @event is not MessageEvent message || !_waiting.TryRemove(KeyOf(message), out var prompt))
        {
            return false;
        }
        Interlocked.Decrement(ref _count);
        CqBotMetrics.ConversationEnded();
        return prompt.Answer(message, answerHandled);
    }

    /// <summary>
    /// Starts listening for the next message of the sender of <paramref name="source"/> in its chat; the
    /// timeout runs from here. Call <see cref="Prompt.WaitAsync"/> once the question is out.
    /// </summary>
    public Prompt Listen(MessageEvent source, IChatOrdering? owner, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var prompt = new Prompt(this, KeyOf(source), owner, timeout, time, cancellationToken);
        // A newer prompt of the same user in the same chat takes the next message; the older one ends.
        _waiting.AddOrUpdate(
            prompt.Key,
            static (_, prompt) =>
            {
                Interlocked.Increment(ref prompt.Conversations._count);
                CqBotMetrics.ConversationStarted();
                return prompt;
            },
            static (_, older, prompt) =>
            {
                older.Cancel();
                return prompt;
            },
            prompt);
        return prompt;
    }

    private void Forget(Prompt prompt)
    {
        if (_waiting.TryRemove(new KeyValuePair<Key, Prompt>(prompt.Key, prompt)))
        {
            Interlocked.Decrement(ref _count);
            CqBotMetrics.ConversationEnded();
        }
    }

    private static Key KeyOf(MessageEvent message) => new(message.SelfId, (message as GroupMessageEvent)?.GroupId ?? 0, message.UserId);

    internal readonly record struct Key(long SelfId, long GroupId, long UserId);

    /// <summary>One handler waiting for one user's next message.</summary>
    internal sealed class Prompt
    {
        private const int Listening = 0, Asked = 1, Answered = 2;
        private readonly TaskCompletionSource<MessageEvent?> _waiter = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task<MessageEvent?> _answered;
        private readonly IChatOrdering? _owner;
        private int _state;

        public Prompt(Conversations conversations, Key key, IChatOrdering? owner, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
        {
            Conversations = conversations;
            Key = key;
            _owner = owner;
            // The clock starts before the prompt counts as waiting, so whoever sees it waiting sees its timeout running.
            _answered = _waiter.Task.WaitAsync(timeout, time, cancellationToken);
        }

        public Conversations Conversations { get; }

        public Key Key { get; }

        public bool Answer(MessageEvent message, TaskCompletionSource? answerHandled)
        {
            Volatile.Write(ref _state, Answered);
            // Before the handler resumes, so it cannot finish unseen.
            if (_owner is { } owner)
            {
                owner.Resuming(answerHandled);
            }
            else
            {
                answerHandled?.TrySetResult();
            }
            return _waiter.TrySetResult(message);
        }

        public void Cancel() => _waiter.TrySetResult(null);

        /// <summary>Waits for the answer: null when the wait timed out (TimedOut) or was cancelled.</summary>
        public async ValueTask<(MessageEvent? Answer, bool TimedOut)> WaitAsync()
        {
            // An answer may already have come; then the handler is not waiting any more.
            if (Interlocked.CompareExchange(ref _state, Asked, Listening) == Listening)
            {
                _owner?.WaitingForAnswer();
            }
            try
            {
                return (await _answered.ConfigureAwait(false), false);
            }
            catch (TimeoutException)
            {
                return (null, true);
            }
            catch (OperationCanceledException) when (_answered.IsCanceled)
            {
                return (null, false);
            }
            finally
            {
                Conversations.Forget(this);
            }
        }
    }
}
