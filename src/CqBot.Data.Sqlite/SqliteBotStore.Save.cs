using Microsoft.Data.Sqlite;

namespace CqBot.Data.Sqlite;

public sealed partial class SqliteBotStore
{
    // A missing row is created with the defaults; an existing row takes only the columns that are not
    // null, and is not rewritten at all when none is.
    private const string UpsertUser = """
        INSERT INTO cqbot_users (id, authority, flags) VALUES ($id, coalesce($authority, 1), coalesce($flags, 0))
        ON CONFLICT (id) DO UPDATE SET authority = coalesce($authority, authority), flags = coalesce($flags, flags)
        WHERE $authority IS NOT NULL OR $flags IS NOT NULL;
        """;

    private const string UpsertChannel = """
        INSERT INTO cqbot_channels (id, flags, assignee, disabled) VALUES ($id, coalesce($flags, 0), coalesce($assignee, 0), coalesce($disabled, '[]'))
        ON CONFLICT (id) DO UPDATE SET flags = coalesce($flags, flags), assignee = coalesce($assignee, assignee), disabled = coalesce($disabled, disabled)
        WHERE $flags IS NOT NULL OR $assignee IS NOT NULL OR $disabled IS NOT NULL;
        """;

    /// <inheritdoc />
    /// <remarks>
    /// All changes of one call are one transaction: after a crash or an error the database has all of
    /// them or none. An empty call does not touch the database.
    /// </remarks>
    public Task SaveAsync(IReadOnlyList<UserChanges> users, IReadOnlyList<ChannelChanges> channels, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(users);
            ArgumentNullException.ThrowIfNull(channels);
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            if (users.Count > 0 || channels.Count > 0)
            {
                Save(users, channels, cancellationToken);
            }
            return Task.CompletedTask;
        }
        catch (Exception e)
        {
            return Failed(e, cancellationToken);
        }
    }

    private void Save(IReadOnlyList<UserChanges> users, IReadOnlyList<ChannelChanges> channels, CancellationToken cancellationToken)
    {
        using var connection = _connections.Open();

        // BEGIN IMMEDIATE takes the write lock up front, where the busy timeout applies; a deferred
        // transaction that had to upgrade its lock could fail at once instead of waiting.
        using var transaction = connection.BeginTransaction(deferred: false);
        if (users.Count > 0)
        {
            SaveUsers(connection, transaction, users, cancellationToken);
        }
        if (channels.Count > 0)
        {
            SaveChannels(connection, transaction, channels, cancellationToken);
        }
        transaction.Commit();
    }

    private static void SaveUsers(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<UserChanges> users, CancellationToken cancellationToken)
    {
        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = UpsertUser;
        var id = upsert.Parameters.Add("$id", SqliteType.Integer);
        var authority = upsert.Parameters.Add("$authority", SqliteType.Integer);
        var flags = upsert.Parameters.Add("$flags", SqliteType.Integer);
        using var fields = FieldChangeWriter.ForUsers(connection, transaction);
        for (var i = 0; i < users.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var change = users[i] ?? throw new ArgumentException("The list of user changes holds a null.", nameof(users));
            id.Value = change.Id;
            authority.Value = change.Authority is { } newAuthority ? newAuthority : DBNull.Value;
            flags.Value = change.Flags is { } newFlags ? (int)newFlags : DBNull.Value;
            upsert.ExecuteNonQuery();
            fields.Apply(change.Id, change.Fields);
        }
    }

    private static void SaveChannels(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<ChannelChanges> channels, CancellationToken cancellationToken)
    {
        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = UpsertChannel;
        var id = upsert.Parameters.Add("$id", SqliteType.Integer);
        var flags = upsert.Parameters.Add("$flags", SqliteType.Integer);
        var assignee = upsert.Parameters.Add("$assignee", SqliteType.Integer);
        var disabled = upsert.Parameters.Add("$disabled", SqliteType.Text);
        using var fields = FieldChangeWriter.ForChannels(connection, transaction);
        using var disabledJson = new DisabledListJson();
        for (var i = 0; i < channels.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var change = channels[i] ?? throw new ArgumentException("The list of channel changes holds a null.", nameof(channels));
            id.Value = change.Id;
            flags.Value = change.Flags is { } newFlags ? (int)newFlags : DBNull.Value;
            assignee.Value = change.Assignee is { } newAssignee ? newAssignee : DBNull.Value;
            disabled.Value = change.Disabled is { } newDisabled ? disabledJson.Write(newDisabled) : DBNull.Value;
            upsert.ExecuteNonQuery();
            fields.Apply(change.Id, change.Fields);
        }
    }
}
