using Npgsql;

namespace CqBot.DataBenchmark;

/// <summary>
/// A fresh, empty database on the server that <c>CQBOT_TEST_POSTGRES</c> names (as the store's tests
/// make one), dropped again when disposed.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "CQBOT_TEST_POSTGRES";

    private readonly NpgsqlDataSource _server;

    private PostgresDatabase(NpgsqlDataSource server, string name)
    {
        _server = server;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The server's connection string, or null when none is configured.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

    /// <summary>
    /// A connection string to the database whose pool holds at most <paramref name="maxPoolSize"/>
    /// connections, so that the parent and two workers stay under the server's default 100.
    /// </summary>
    public string ConnectionString(int maxPoolSize) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = Name, MaxPoolSize = maxPoolSize }.ConnectionString;

    public static async Task<PostgresDatabase> CreateAsync(string server)
    {
        var name = "cqbot_bench_" + Guid.NewGuid().ToString("N");
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
        return new PostgresDatabase(admin, name);
    }

    /// <summary>The server's version, for the report.</summary>
    public async Task<string> ServerVersionAsync()
    {
        await using var command = _server.CreateCommand("SHOW server_version");
        return (string?)await command.ExecuteScalarAsync() ?? "?";
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
