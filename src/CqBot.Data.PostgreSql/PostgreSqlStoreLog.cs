using Microsoft.Extensions.Logging;

namespace CqBot.Data.PostgreSql;

/// <summary>What the PostgreSQL store logs: schema changes only, never anything per call.</summary>
internal static partial class PostgreSqlStoreLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Migrated the PostgreSQL store's schema from version {From} to {To}")]
    public static partial void SchemaMigrated(ILogger logger, int from, int to);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "The PostgreSQL store's schema is at version {Version}")]
    public static partial void SchemaCurrent(ILogger logger, int version);
}
