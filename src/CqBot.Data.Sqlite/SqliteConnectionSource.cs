using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace CqBot.Data.Sqlite;

/// <summary>
/// Opens pooled connections to one database and sets the per-connection settings on each new one:
/// <c>synchronous=NORMAL</c> (with WAL, a committed write survives the process crashing; only a power
/// loss can take the last commits) and <c>busy_timeout</c> (a writer waits for another instead of failing).
/// </summary>
internal sealed class SqliteConnectionSource
{
    private static readonly object Configured = new();

    // Both settings live as long as the native connection, which the pool hands out again and again:
    // remembering the configured handles saves two PRAGMA statements on every call.
    private readonly ConditionalWeakTable<object, object> _configured = [];
    private readonly string _settings;

    public SqliteConnectionSource(string connectionString, int busyTimeoutMilliseconds)
    {
        ConnectionString = connectionString;
        BusyTimeoutMilliseconds = busyTimeoutMilliseconds;
        _settings = string.Create(CultureInfo.InvariantCulture, $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {busyTimeoutMilliseconds};");
    }

    public string ConnectionString { get; }

    public int BusyTimeoutMilliseconds { get; }

    /// <summary>An open connection, configured; the caller disposes it, which returns it to the pool.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            var handle = connection.Handle;
            if (handle is null || !_configured.TryGetValue(handle, out _))
            {
                using var command = connection.CreateCommand();
                command.CommandText = _settings;
                command.ExecuteNonQuery();
                if (handle is not null)
                {
                    _configured.AddOrUpdate(handle, Configured);
                }
            }
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Closes the idle pooled connections to the database, so that its file can be moved or deleted.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
