using Microsoft.Extensions.Logging;

namespace CqBot.Data.Sqlite;

/// <summary>What the SQLite store logs.</summary>
internal static partial class SqliteStoreLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Migrated the SQLite database {DataSource} to schema version {Version}.")]
    public static partial void SchemaMigrated(ILogger logger, string dataSource, int version);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The SQLite database {DataSource} runs in journal mode '{Mode}', not WAL: readers wait for writers, and an in-memory database is gone with the process.")]
    public static partial void NotWriteAheadLog(ILogger logger, string dataSource, string mode);
}
