using System.Threading.Channels;
using CqBot.Data;

namespace CqBot;

/// <summary>
/// Writes changes to the store in batches: every change waiting when a write starts goes into that one
/// transaction, and each waiting caller learns when its change is committed (a group commit). One
/// write runs at a time, so changes of one user reach the store in the order they were made.
/// </summary>
internal sealed class StoreWriter
{
    private readonly IBotStore _store;
    private readonly int _maxBatch;
    private readonly Channel<PendingSave> _queue = Channel.CreateUnbounded<PendingSave>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly Action<Exception, int> _failed;

    public StoreWriter(IBotStore store, int maxBatch, Action<Exception, int> failed)
    {
        _store = store;
        _maxBatch = Math.Max(1, maxBatch);
        _failed = failed;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes when the change is committed; fails with the store's exception.</summary>
    public Task SaveAsync(UserChanges? user, ChannelChanges? channel)
    {
        var pending = new PendingSave(user, channel);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(BotData), "The bot's data is closed; nothing more can be written.");
        }
        return pending.Task;
    }

    /// <summary>Writes what is waiting and stops taking changes.</summary>
    public Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        return _loop;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingSave>();
        var users = new List<UserChanges>();
        var channels = new List<ChannelChanges>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
                if (pending.User is { } user)
                {
                    users.Add(user);
                }
                if (pending.Channel is { } channel)
                {
                    channels.Add(channel);
                }
            }
            try
            {
                await _store.SaveAsync(users, channels, CancellationToken.None).ConfigureAwait(false);
                foreach (var pending in batch)
                {
                    pending.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                _failed(exception, batch.Count);
                foreach (var pending in batch)
                {
                    pending.TrySetException(exception);
                }
            }
            batch.Clear();
            users.Clear();
            channels.Clear();
        }
    }

    private sealed class PendingSave(UserChanges? user, ChannelChanges? channel) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public UserChanges? User { get; } = user;

        public ChannelChanges? Channel { get; } = channel;
    }
}
