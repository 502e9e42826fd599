using CqBot.Data;
using CqBot.Data.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace CqBot.Data.Tests;

public sealed class PostgreSqlSchemaTests : IAsyncLifetime
{
    private PostgreSqlTestDatabase? _database;

    [SkippableFact]
    public async Task Initialize_VersionOneDatabase_IsMigratedAndKeepsItsData()
    {
        var database = await CreateDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await SchemaMigrator.MigrateAsync(dataSource, 1, NullLogger.Instance, default);
        }
        await database.ExecuteAsync("""
            INSERT INTO cqbot_user (id, authority, flags) VALUES (7, 4, 1);
            INSERT INTO cqbot_user_field (user_id, name, value) VALUES (7, 'dice.rolls', '12');
            INSERT INTO cqbot_channel (id, flags, assignee, disabled) VALUES (600, 2, 5, '{roll}');
            """);

        await using var store = new PostgreSqlBotStore(database.ConnectionString);
        await store.InitializeAsync(default);

        Assert.Equal(SchemaMigrations.Latest, await database.ExecuteAsync("SELECT version FROM cqbot_schema"));
        var user = await store.GetUserAsync(7, 1, ["dice.rolls"], default);
        Assert.Equal((4, UserFlags.Ignore, "12"), (user.Authority, user.Flags, user.Fields["dice.rolls"]));
        var channel = await store.GetChannelAsync(600, 0, [], default);
        Assert.Equal((ChannelFlags.Silent, 5L, "roll"), (channel.Flags, channel.Assignee, Assert.Single(channel.Disabled)));
        Assert.True((await store.TryUseCommandAsync(new CommandUseRequest(7, "roll", 740000, 1, TimeSpan.Zero, DateTimeOffset.UnixEpoch), default)).Allowed);
    }

    [SkippableFact]
    public async Task Initialize_NewerDatabase_ThrowsStoreSchemaException()
    {
        var database = await CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE TABLE cqbot_schema (version integer NOT NULL); INSERT INTO cqbot_schema VALUES (99)");
        await using var store = new PostgreSqlBotStore(database.ConnectionString);

        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => store.InitializeAsync(default));

        Assert.Equal((99, SchemaMigrations.Latest), (error.Found, error.Supported));
        Assert.Equal(99, await database.ExecuteAsync("SELECT version FROM cqbot_schema"));
    }

    [SkippableFact]
    public async Task Initialize_SeveralStoresAtOnceOnAnEmptyDatabase_AllSucceedAndMigrateOnce()
    {
        var database = await CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgreSqlBotStore(database.ConnectionString)).ToArray();
        try
        {
            await Task.WhenAll(stores.Select(store => Task.Run(() => store.InitializeAsync(default))));

            Assert.Equal(1L, await database.ExecuteAsync("SELECT count(*) FROM cqbot_schema"));
            Assert.Equal(SchemaMigrations.Latest, await database.ExecuteAsync("SELECT version FROM cqbot_schema"));
            Assert.Equal(2, (await stores[3].GetUserAsync(1, 2, [], default)).Authority);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private async Task<PostgreSqlTestDatabase> CreateDatabaseAsync() => _database = await PostgreSqlTestDatabase.CreateAsync();
}
