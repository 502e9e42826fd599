using Microsoft.Data.Sqlite;

namespace CqBot.Data.Sqlite;

/// <summary>
/// Writes the plugin field changes of users or of channels inside one transaction: a value upserts the
/// field, null deletes it. Each statement is prepared once, on its first use, and then only rebound.
/// </summary>
internal sealed class FieldChangeWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _upsertText;
    private readonly string _deleteText;
    private SqliteCommand? _upsert;
    private SqliteCommand? _delete;

    private FieldChangeWriter(SqliteConnection connection, SqliteTransaction transaction, string upsertText, string deleteText)
    {
        _connection = connection;
        _transaction = transaction;
        _upsertText = upsertText;
        _deleteText = deleteText;
    }

    /// <summary>A writer of user fields.</summary>
    public static FieldChangeWriter ForUsers(SqliteConnection connection, SqliteTransaction transaction) => new(
        connection,
        transaction,
        "INSERT INTO cqbot_user_fields (user_id, name, value) VALUES ($id, $name, $value) ON CONFLICT (user_id, name) DO UPDATE SET value = excluded.value;",
        "DELETE FROM cqbot_user_fields WHERE user_id = $id AND name = $name;");

    /// <summary>A writer of channel fields.</summary>
    public static FieldChangeWriter ForChannels(SqliteConnection connection, SqliteTransaction transaction) => new(
        connection,
        transaction,
        "INSERT INTO cqbot_channel_fields (channel_id, name, value) VALUES ($id, $name, $value) ON CONFLICT (channel_id, name) DO UPDATE SET value = excluded.value;",
        "DELETE FROM cqbot_channel_fields WHERE channel_id = $id AND name = $name;");

    /// <summary>Writes the changed fields of user or channel <paramref name="ownerId"/>.</summary>
    public void Apply(long ownerId, IReadOnlyDictionary<string, string?> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }
        foreach (var (name, value) in changes)
        {
            SqliteCommand command;
            if (value is null)
            {
                command = _delete ??= Create(_deleteText, withValue: false);
            }
            else
            {
                command = _upsert ??= Create(_upsertText, withValue: true);
                command.Parameters[2].Value = value;
            }
            command.Parameters[0].Value = ownerId;
            command.Parameters[1].Value = name;
            command.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _upsert?.Dispose();
        _delete?.Dispose();
    }

    private SqliteCommand Create(string text, bool withValue)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = text;
        command.Parameters.Add("$id", SqliteType.Integer);
        command.Parameters.Add("$name", SqliteType.Text);
        if (withValue)
        {
            command.Parameters.Add("$value", SqliteType.Text);
        }
        return command;
    }
}
