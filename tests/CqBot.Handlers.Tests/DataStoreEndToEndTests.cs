using CqBot.Data;
using CqBot.Data.PostgreSql;
using CqBot.Data.Sqlite;
using CqBot.Data.Tests;
using CqBot.Hosting;
using CqBot.Testing;

namespace CqBot.Handlers.Tests;

/// <summary>Bots on the real stores: what one run wrote, the next reads; two bots on one PostgreSQL count together.</summary>
public sealed class DataStoreEndToEndTests
{
    private static Task<TestBot> StartAsync(Func<IServiceProvider, IBotStore> store) =>
        TestBotTests.StartAsync(builder =>
        {
            builder.Configuration["CqBot:RateLimit:Enabled"] = "false";
            builder.UseStore(store);
        }, app => app.OnBeforeAttachUser((_, fields) => fields.Add(DataCommands.Counted)));

    [Fact]
    public async Task Sqlite_CountsOfOneRun_AreThereInTheNext()
    {
        var folder = Directory.CreateTempSubdirectory("cqbot-e2e-");
        var path = Path.Combine(folder.FullName, "data", "bot.db");
        try
        {
            await using (var bot = await StartAsync(_ => new SqliteBotStore(path)))
            {
                await bot.ReceiveGroupMessageAsync(100, 42, "count");
                await bot.ReceiveGroupMessageAsync(100, 42, "count");
            }
            await using var restarted = await StartAsync(_ => new SqliteBotStore(path));

            Assert.Equal("3", (await restarted.ReceivePrivateMessageAsync(42, "count")).Text);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task PostgreSql_TwoBotsOnOneDatabase_ShareUsersAndCountLimitedUsesExactly()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var first = await StartAsync(_ => new PostgreSqlBotStore(database.ConnectionString));
        await using var second = await StartAsync(_ => new PostgreSqlBotStore(database.ConnectionString));

        // "daily" allows two uses a day; ten at once from each bot may not give more than two answers.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? first : second).ReceiveGroupMessageAsync(100 + i, 42, "daily")));
        var answers = first.Calls.Concat(second.Calls).Select(call => call.MessageText).ToList();
        await first.ReceivePrivateMessageAsync(7, "count");
        var user = await second.Data.GetUserAsync(7, new FieldRequest().Add(DataCommands.Counted));

        Assert.Equal(2, answers.Count(text => text == "daily done"));
        Assert.Equal(18, answers.Count(text => text == "调用次数已达上限。"));
        Assert.Equal(1, user.Get(DataCommands.Counted));
    }

    [Fact]
    public async Task NewerSchema_StopsTheStartWithExitCodeOne()
    {
        var error = await Assert.ThrowsAsync<BotStartupException>(() => StartAsync(_ => new NewerSchemaStore()));

        Assert.Equal(BotStartupException.CannotStartExitCode, error.ExitCode);
        Assert.Contains("version 7", error.Message);
    }

    private sealed class NewerSchemaStore : IBotStore
    {
        public Task InitializeAsync(CancellationToken cancellationToken) => throw new StoreSchemaException(7, 2);

        public Task<UserRecord> GetUserAsync(long userId, int defaultAuthority, IReadOnlyCollection<string> fields, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ChannelRecord> GetChannelAsync(long channelId, long assigneeIfNew, IReadOnlyCollection<string> fields, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SaveAsync(IReadOnlyList<UserChanges> users, IReadOnlyList<ChannelChanges> channels, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CommandUsage> TryUseCommandAsync(CommandUseRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CommandUsage> GetCommandUsageAsync(long userId, string command, long day, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => default;
    }
}
