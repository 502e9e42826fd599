using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CqBot.Data.Sqlite.Schema;

/// <summary>
/// Brings a database to a schema version, one <see cref="SchemaMigration"/> at a time. The version is
/// SQLite's <c>user_version</c>, written in the same transaction as the step, so a database is always
/// at exactly one version.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>
    /// Applies the steps after the database's version, up to <paramref name="target"/>. Throws
    /// <see cref="StoreSchemaException"/> for a database newer than this build.
    /// </summary>
    public static void Migrate(SqliteConnection connection, int target, ILogger logger, CancellationToken cancellationToken)
    {
        var found = ReadVersion(connection, null);
        ThrowIfNewer(found);
        foreach (var step in SchemaMigration.All)
        {
            if (step.Version > target)
            {
                break;
            }
            if (step.Version <= found)
            {
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();

            // BEGIN IMMEDIATE: a second process migrating at the same moment waits here, then finds the
            // step done when it reads the version again.
            using var transaction = connection.BeginTransaction(deferred: false);
            found = ReadVersion(connection, transaction);
            ThrowIfNewer(found);
            if (step.Version <= found)
            {
                continue;
            }
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = string.Create(CultureInfo.InvariantCulture, $"{step.Sql}\nPRAGMA user_version = {step.Version};");
                command.ExecuteNonQuery();
            }
            transaction.Commit();
            found = step.Version;
            SqliteStoreLog.SchemaMigrated(logger, connection.DataSource, step.Version);
        }
    }

    /// <summary>The database's schema version: 0 for an empty database.</summary>
    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void ThrowIfNewer(int found)
    {
        if (found > SchemaMigration.Latest)
        {
            throw new StoreSchemaException(found, SchemaMigration.Latest);
        }
    }
}
