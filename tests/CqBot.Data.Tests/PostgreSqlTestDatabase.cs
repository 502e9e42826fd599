using Npgsql;

namespace CqBot.Data.Tests;

/// <summary>
/// A fresh, empty database on the server that <c>CQBOT_TEST_POSTGRES</c> names, dropped again when
/// disposed. Skips the calling test when the variable is unset; fails it when the server is unreachable.
/// </summary>
internal sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    public const string Variable = "CQBOT_TEST_POSTGRES";

    private readonly NpgsqlDataSource _server;

    private PostgreSqlTestDatabase(NpgsqlDataSource server, string name, string connectionString)
    {
        _server = server;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name, <c>cqbot_test_…</c>.</summary>
    public string Name { get; }

    /// <summary>A connection string to the database; pools are capped so a server with the default 100 connections suffices.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's connection string; skips the calling test when none is configured.</summary>
    public static string Server
    {
        get
        {
            var server = Environment.GetEnvironmentVariable(Variable);
            Skip.If(string.IsNullOrWhiteSpace(server), $"Set {Variable} to a connection string of a PostgreSQL server where the login may create databases.");
            return server;
        }
    }

    public static async Task<PostgreSqlTestDatabase> CreateAsync()
    {
        var server = Server;

        var name = "cqbot_test_" + Guid.NewGuid().ToString("N");
        var admin = NpgsqlDataSource.Create(server);
        try
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE {name}");
            await create.ExecuteNonQueryAsync();
        }
        catch
        {
            await admin.DisposeAsync();
            throw;
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20 };
        return new PostgreSqlTestDatabase(admin, name, builder.ConnectionString);
    }

    /// <summary>Runs SQL in the test database on a connection of its own.</summary>
    public async Task<object?> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Ends every server process connected to the test database, as a restart or a failover would.</summary>
    public async Task TerminateConnectionsAsync()
    {
        await using var command = _server.CreateCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name });
        await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var drop = _server.CreateCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
        finally
        {
            await _server.DisposeAsync();
        }
    }
}
