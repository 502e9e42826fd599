using CqBot.Data;
using CqBot.Data.PostgreSql;
using Npgsql;
using Xunit;

namespace CqBot.Data.Tests;

public sealed class PostgreSqlBotStoreTests : BotStoreContractTests, IAsyncLifetime
{
    private PostgreSqlTestDatabase? _database;

    protected override async Task<IBotStore> CreateStoreAsync()
    {
        _database = await PostgreSqlTestDatabase.CreateAsync();
        var store = new PostgreSqlBotStore(_database.ConnectionString);
        await store.InitializeAsync(default);
        return store;
    }

    protected override async Task<IBotStore?> OpenAgainAsync(IBotStore store)
    {
        var again = new PostgreSqlBotStore(_database!.ConnectionString);
        await again.InitializeAsync(default);
        return again;
    }

    [SkippableFact]
    public async Task ServerRestart_TheStoreWorksAgainWithinTwoCalls()
    {
        await using var store = await CreateStoreAsync();
        // Several pooled connections, all of which the termination breaks.
        await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => store.GetUserAsync(i, 1, ["f"], default))));
        await store.SaveAsync([new UserChanges(1, 3, null, Fields(("f", "kept")))], [], default);

        await _database!.TerminateConnectionsAsync();

        UserRecord? user = null;
        var failures = 0;
        for (var call = 0; call < 2 && user is null; call++)
        {
            try
            {
                user = await store.GetUserAsync(1, 1, ["f"], default);
            }
            catch (NpgsqlException)
            {
                failures++;
            }
        }
        Assert.NotNull(user);
        Assert.Equal((3, "kept"), (user.Authority, user.Fields["f"]));
        Assert.InRange(failures, 0, 1);
        Assert.True((await store.TryUseCommandAsync(new CommandUseRequest(1, "roll", 740000, 0, TimeSpan.Zero, DateTimeOffset.UnixEpoch), default)).Allowed);
    }

    [SkippableFact]
    public async Task UnreachableServer_CallsThrow()
    {
        // Skips with the others when no server is configured.
        _ = PostgreSqlTestDatabase.Server;
        await using var store = new PostgreSqlBotStore("Host=127.0.0.1;Port=1;Timeout=2");

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.GetUserAsync(1, 1, [], default));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
