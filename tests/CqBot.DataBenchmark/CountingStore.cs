using CqBot.Data;

namespace CqBot.DataBenchmark;

/// <summary>Passes every call on to a store, counting the batches written and the changes in them.</summary>
internal sealed class CountingStore(IBotStore inner) : IBotStore
{
    private long _batches;
    private long _changes;

    public long Batches => Interlocked.Read(ref _batches);

    public long Changes => Interlocked.Read(ref _changes);

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<UserRecord> GetUserAsync(long userId, int defaultAuthority, IReadOnlyCollection<string> fields, CancellationToken cancellationToken) =>
        inner.GetUserAsync(userId, defaultAuthority, fields, cancellationToken);

    public Task<ChannelRecord> GetChannelAsync(long channelId, long assigneeIfNew, IReadOnlyCollection<string> fields, CancellationToken cancellationToken) =>
        inner.GetChannelAsync(channelId, assigneeIfNew, fields, cancellationToken);

    public Task SaveAsync(IReadOnlyList<UserChanges> users, IReadOnlyList<ChannelChanges> channels, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _changes, users.Count + channels.Count);
        return inner.SaveAsync(users, channels, cancellationToken);
    }

    public Task<CommandUsage> TryUseCommandAsync(CommandUseRequest request, CancellationToken cancellationToken) => inner.TryUseCommandAsync(request, cancellationToken);

    public Task<CommandUsage> GetCommandUsageAsync(long userId, string command, long day, CancellationToken cancellationToken) =>
        inner.GetCommandUsageAsync(userId, command, day, cancellationToken);

    // The store is disposed by whoever created it.
    public ValueTask DisposeAsync() => default;
}
