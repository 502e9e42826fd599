using System.Collections.ObjectModel;
using Microsoft.Data.Sqlite;

namespace CqBot.Data.Sqlite;

public sealed partial class SqliteBotStore
{
    private const string InsertUserIfMissing = "INSERT INTO cqbot_users (id, authority, flags) VALUES ($id, $authority, 0) ON CONFLICT (id) DO NOTHING;";
    private const string InsertChannelIfMissing = "INSERT INTO cqbot_channels (id, flags, assignee, disabled) VALUES ($id, 0, $assignee, '[]') ON CONFLICT (id) DO NOTHING;";

    /// <inheritdoc />
    public Task<UserRecord> GetUserAsync(long userId, int defaultAuthority, IReadOnlyCollection<string> fields, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(fields);
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(LoadUser(userId, defaultAuthority, fields));
        }
        catch (Exception e)
        {
            return Failed<UserRecord>(e, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task<ChannelRecord> GetChannelAsync(long channelId, long assigneeIfNew, IReadOnlyCollection<string> fields, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(fields);
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(LoadChannel(channelId, assigneeIfNew, fields));
        }
        catch (Exception e)
        {
            return Failed<ChannelRecord>(e, cancellationToken);
        }
    }

    private UserRecord LoadUser(long userId, int defaultAuthority, IReadOnlyCollection<string> fields)
    {
        using var connection = _connections.Open();
        using var select = RecordQuery.Users.Create(connection, userId, fields);

        // Reading first keeps the common case (the user exists) a read, which never waits for a writer;
        // only a new user takes the write lock, and a user created meanwhile by another writer is kept.
        var user = ReadUser(select, userId, fields.Count);
        if (user is null)
        {
            using (var insert = connection.CreateCommand())
            {
                insert.CommandText = InsertUserIfMissing;
                insert.Parameters.Add("$id", SqliteType.Integer).Value = userId;
                insert.Parameters.Add("$authority", SqliteType.Integer).Value = defaultAuthority;
                insert.ExecuteNonQuery();
            }
            user = ReadUser(select, userId, fields.Count) ?? throw Vanished("user", userId);
        }
        return user;
    }

    private ChannelRecord LoadChannel(long channelId, long assigneeIfNew, IReadOnlyCollection<string> fields)
    {
        using var connection = _connections.Open();
        using var select = RecordQuery.Channels.Create(connection, channelId, fields);
        var channel = ReadChannel(select, channelId, fields.Count);
        if (channel is null)
        {
            using (var insert = connection.CreateCommand())
            {
                insert.CommandText = InsertChannelIfMissing;
                insert.Parameters.Add("$id", SqliteType.Integer).Value = channelId;
                insert.Parameters.Add("$assignee", SqliteType.Integer).Value = assigneeIfNew;
                insert.ExecuteNonQuery();
            }
            channel = ReadChannel(select, channelId, fields.Count) ?? throw Vanished("channel", channelId);
        }
        return channel;
    }

    private static UserRecord? ReadUser(SqliteCommand select, long userId, int fieldCount)
    {
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        var authority = reader.GetInt32(0);
        var flags = (UserFlags)reader.GetInt32(1);
        return new UserRecord(userId, authority, flags, ReadFields(reader, RecordQuery.Users.FieldColumn, fieldCount));
    }

    private static ChannelRecord? ReadChannel(SqliteCommand select, long channelId, int fieldCount)
    {
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        var flags = (ChannelFlags)reader.GetInt32(0);
        var assignee = reader.GetInt64(1);
        var disabled = DisabledListJson.Read(channelId, reader.GetString(2));
        return new ChannelRecord(channelId, flags, assignee, disabled, ReadFields(reader, RecordQuery.Channels.FieldColumn, fieldCount));
    }

    /// <summary>The fields of the joined rows, the reader standing on the first.</summary>
    private static IReadOnlyDictionary<string, string> ReadFields(SqliteDataReader reader, int nameColumn, int fieldCount)
    {
        if (fieldCount == 0)
        {
            return ReadOnlyDictionary<string, string>.Empty;
        }
        var fields = new Dictionary<string, string>(fieldCount, StringComparer.Ordinal);
        do
        {
            // A record without any of the asked fields still yields its one row, with a null name.
            if (!reader.IsDBNull(nameColumn))
            {
                fields[reader.GetString(nameColumn)] = reader.GetString(nameColumn + 1);
            }
        }
        while (reader.Read());
        return fields;
    }

    private static InvalidOperationException Vanished(string kind, long id) =>
        new($"The {kind} {id} was created in the SQLite database but could not be read back; is another program deleting rows of the cqbot_ tables?");
}
