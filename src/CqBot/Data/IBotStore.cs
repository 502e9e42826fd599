namespace CqBot.Data;

/// <summary>
/// Where a bot keeps its users and channels: in memory for tests (<see cref="InMemoryBotStore"/>),
/// SQLite for one process, PostgreSQL for several processes sharing one database. The dispatcher
/// caches what it loads and writes changes back in batches; a store only reads and writes.
/// </summary>
/// <remarks>
/// Every method may be called from several threads at once. Every write is one transaction: it is
/// whole or absent after a crash. A store that cannot reach its database throws; the caller reports it
/// and calls again later, so a store must recover when the database returns (a fresh connection per
/// call, or a pool that drops broken ones).
/// </remarks>
public interface IBotStore : IAsyncDisposable
{
    /// <summary>
    /// Creates the schema in an empty database, or migrates an older one to this build's version. Throws
    /// <see cref="StoreSchemaException"/> when the database was written by a newer build. Safe to call
    /// again and from several processes at once.
    /// </summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Loads a user with the named plugin fields (<paramref name="fields"/> may be empty), creating the
    /// user with <paramref name="defaultAuthority"/> when it does not exist yet. Fields that were never
    /// written are missing from the result.
    /// </summary>
    Task<UserRecord> GetUserAsync(long userId, int defaultAuthority, IReadOnlyCollection<string> fields, CancellationToken cancellationToken);

    /// <summary>
    /// Loads a channel (a group) with the named plugin fields, creating it assigned to
    /// <paramref name="assigneeIfNew"/> (0 for none) when it does not exist yet.
    /// </summary>
    Task<ChannelRecord> GetChannelAsync(long channelId, long assigneeIfNew, IReadOnlyCollection<string> fields, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the changes in one transaction: only the columns and fields each change names. A change
    /// to a user or channel that does not exist yet creates it.
    /// </summary>
    Task SaveAsync(IReadOnlyList<UserChanges> users, IReadOnlyList<ChannelChanges> channels, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one use of a command by a user, atomically: the use is counted only when the user has used
    /// the command fewer than <see cref="CommandUseRequest.MaxUsage"/> times on <see cref="CommandUseRequest.Day"/>
    /// and not within <see cref="CommandUseRequest.MinInterval"/> of now. Two uses at the same moment, also
    /// from two processes, are both counted or one is refused; never is one lost.
    /// </summary>
    Task<CommandUsage> TryUseCommandAsync(CommandUseRequest request, CancellationToken cancellationToken);

    /// <summary>How often a user used a command on <paramref name="day"/>, and when last (on any day).</summary>
    Task<CommandUsage> GetCommandUsageAsync(long userId, string command, long day, CancellationToken cancellationToken);
}
