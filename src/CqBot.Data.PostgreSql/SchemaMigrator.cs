using Microsoft.Extensions.Logging;
using Npgsql;

namespace CqBot.Data.PostgreSql;

/// <summary>
/// Brings a database to a schema version, one step per transaction. Each transaction first takes a
/// transaction-level advisory lock, so processes that start together queue up and each step runs once;
/// the lock is released by the step's commit, never left behind by a process that dies.
/// </summary>
internal static class SchemaMigrator
{
    // Any constant works; advisory locks are per database, so it only has to differ from the keys other
    // applications sharing the database take. "CqBot" in ASCII.
    private const long LockKey = 0x43_71_42_6F_74;

    private const string LockSql = "SELECT pg_advisory_xact_lock($1)";

    // to_regclass instead of CREATE TABLE IF NOT EXISTS: a bot's login may lack the right to create
    // tables once the schema is in place.
    private const string VersionTableExistsSql = "SELECT to_regclass('cqbot_schema') IS NOT NULL";

    private const string ReadVersionSql = "SELECT coalesce(max(version), 0) FROM cqbot_schema";

    private const string CreateVersionTableSql = "CREATE TABLE cqbot_schema (version integer NOT NULL)";

    private const string RecordVersionSql = "DELETE FROM cqbot_schema; INSERT INTO cqbot_schema (version) VALUES (@version)";

    /// <summary>
    /// Applies the steps up to <paramref name="target"/>. Throws <see cref="StoreSchemaException"/>
    /// when the database is already past <see cref="SchemaMigrations.Latest"/>.
    /// </summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, int target, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand(LockSql, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (version > SchemaMigrations.Latest)
            {
                throw new StoreSchemaException(version, SchemaMigrations.Latest);
            }
            if (version >= target)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                PostgreSqlStoreLog.SchemaCurrent(logger, version);
                return;
            }

            if (version < 0)
            {
                await using var create = new NpgsqlCommand(CreateVersionTableSql, connection, transaction);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                version = 0;
            }
            var next = version + 1;
            await using (var step = new NpgsqlCommand(SchemaMigrations.Steps[next - 1], connection, transaction))
            {
                await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using (var record = new NpgsqlCommand(RecordVersionSql, connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter<int>("version", next));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            PostgreSqlStoreLog.SchemaMigrated(logger, version, next);
        }
    }

    /// <summary>The database's schema version: -1 without a version table, 0 for an empty one.</summary>
    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand(VersionTableExistsSql, connection, transaction))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return -1;
            }
        }
        await using var read = new NpgsqlCommand(ReadVersionSql, connection, transaction);
        return (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
