using System.Globalization;
using CqBot.Data.Sqlite;
using CqBot.Data.Sqlite.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CqBot.Data.Tests;

public sealed class SqliteBotStoreTests : BotStoreContractTests, IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cqbot-sqlite-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "bot.db");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    protected override async Task<IBotStore> CreateStoreAsync()
    {
        var store = new SqliteBotStore(DatabasePath);
        await store.InitializeAsync(default);
        return store;
    }

    protected override async Task<IBotStore?> OpenAgainAsync(IBotStore store)
    {
        var again = new SqliteBotStore(DatabasePath);
        await again.InitializeAsync(default);
        return again;
    }

    [Fact]
    public async Task Initialize_MissingFolder_CreatesTheFolderAndTheFile()
    {
        var path = Path.Combine(_folder, "nested", "deeper", "bot.db");
        await using var store = new SqliteBotStore(path);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));

        await store.InitializeAsync(default);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Initialize_NewDatabase_IsInWriteAheadLogMode()
    {
        await (await CreateStoreAsync()).DisposeAsync();

        Assert.Equal("wal", Scalar("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Initialize_NewDatabase_IsAtTheLatestVersionWithPrefixedTables()
    {
        await (await CreateStoreAsync()).DisposeAsync();

        Assert.Equal((long)SchemaMigration.Latest, Scalar("PRAGMA user_version;"));
        Assert.Equal(
            "cqbot_channel_fields,cqbot_channels,cqbot_command_usage,cqbot_user_fields,cqbot_users",
            Scalar("SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name);"));
    }

    [Fact]
    public void OpenedConnection_HasNormalSynchronousAndTheBusyTimeout()
    {
        Directory.CreateDirectory(_folder);
        var source = new SqliteConnectionSource(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = true }.ToString(), 4000);

        for (var i = 0; i < 2; i++)
        {
            using var connection = source.Open();
            Assert.Equal((1L, 4000L), (Scalar(connection, "PRAGMA synchronous;"), Scalar(connection, "PRAGMA busy_timeout;")));
        }
        source.ClearPool();
    }

    [Fact]
    public async Task Initialize_VersionOneDatabase_MigratesToTheLatestAndKeepsTheData()
    {
        Directory.CreateDirectory(_folder);
        using (var connection = OpenRaw())
        {
            SchemaMigrator.Migrate(connection, 1, NullLogger.Instance, default);
            Execute(connection, """
                INSERT INTO cqbot_users (id, authority, flags) VALUES (7, 4, 1);
                INSERT INTO cqbot_user_fields (user_id, name, value) VALUES (7, 'k', 'v');
                INSERT INTO cqbot_channels (id, flags, assignee, disabled) VALUES (600, 2, 5, '["roll"]');
                """);
        }
        Assert.Equal(1L, Scalar("PRAGMA user_version;"));
        await using var store = new SqliteBotStore(DatabasePath);

        await store.InitializeAsync(default);

        Assert.Equal((long)SchemaMigration.Latest, Scalar("PRAGMA user_version;"));
        var user = await store.GetUserAsync(7, 1, ["k"], default);
        Assert.Equal((4, UserFlags.Ignore, "v"), (user.Authority, user.Flags, user.Fields["k"]));
        var channel = await store.GetChannelAsync(600, 0, [], default);
        Assert.Equal((ChannelFlags.Silent, 5L, "roll"), (channel.Flags, channel.Assignee, Assert.Single(channel.Disabled)));
        Assert.True((await store.TryUseCommandAsync(new CommandUseRequest(7, "roll", 740000, 1, TimeSpan.Zero, Noon), default)).Allowed);
    }

    [Fact]
    public async Task Initialize_NewerDatabase_ThrowsNamingBothVersions()
    {
        Directory.CreateDirectory(_folder);
        using (var connection = OpenRaw())
        {
            Execute(connection, "PRAGMA user_version = 99;");
        }
        await using var store = new SqliteBotStore(DatabasePath);

        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => store.InitializeAsync(default));

        Assert.Equal((99, SchemaMigration.Latest), (error.Found, error.Supported));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
        Assert.Contains(SchemaMigration.Latest.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Equal(99L, Scalar("PRAGMA user_version;"));
    }

    [Fact]
    public async Task Initialize_TwoStoresAtOnceOnANewFile_BothSucceed()
    {
        Directory.CreateDirectory(_folder);
        await using var first = new SqliteBotStore(DatabasePath);
        await using var second = new SqliteBotStore(DatabasePath);

        await Task.WhenAll(Task.Run(() => first.InitializeAsync(default)), Task.Run(() => second.InitializeAsync(default)));

        Assert.Equal((long)SchemaMigration.Latest, Scalar("PRAGMA user_version;"));
    }

    [Fact]
    public async Task Dispose_ThenReopen_KeepsTheData()
    {
        await using (var store = await CreateStoreAsync())
        {
            await store.SaveAsync(
                [new UserChanges(7, 3, UserFlags.Ignore, Fields(("k", "v")))],
                [new ChannelChanges(600, ChannelFlags.Silent, 9, ["roll"], Fields(("c", "d")))],
                default);
            await store.TryUseCommandAsync(new CommandUseRequest(7, "roll", 740000, 0, TimeSpan.Zero, Noon), default);
        }

        await using var reopened = await CreateStoreAsync();

        var user = await reopened.GetUserAsync(7, 1, ["k"], default);
        var channel = await reopened.GetChannelAsync(600, 0, ["c"], default);
        var usage = await reopened.GetCommandUsageAsync(7, "roll", 740000, default);
        Assert.Equal((3, UserFlags.Ignore, "v"), (user.Authority, user.Flags, user.Fields["k"]));
        Assert.Equal((ChannelFlags.Silent, 9L, "roll", "d"), (channel.Flags, channel.Assignee, Assert.Single(channel.Disabled), channel.Fields["c"]));
        Assert.Equal((1, (DateTimeOffset?)Noon), (usage.Count, usage.LastUsed));
    }

    [Fact]
    public async Task Dispose_ClosesTheConnections_SoTheLogIsFoldedIntoTheFile()
    {
        await using (var store = await CreateStoreAsync())
        {
            await store.SaveAsync([User(7, ("k", "v"))], [], default);
            Assert.True(File.Exists(DatabasePath + "-wal"));
        }

        // SQLite folds the write-ahead log into the database and deletes it when the last connection closes.
        Assert.False(File.Exists(DatabasePath + "-wal"));
    }

    [Fact]
    public async Task Dispose_ThenCall_Throws()
    {
        var store = await CreateStoreAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetUserAsync(7, 1, [], default));
    }

    [Fact]
    public async Task Save_DisabledNames_KeepEveryCharacter()
    {
        await using var store = await CreateStoreAsync();
        string[] names = ["roll", "two\nlines", "quote\"and\\slash", "逗号,名字", "", "🎲", "[]"];

        await store.SaveAsync([], [new ChannelChanges(600, null, null, names, Fields())], default);

        Assert.Equal(names, (await store.GetChannelAsync(600, 0, [], default)).Disabled);
    }

    [Fact]
    public async Task Save_FailureInTheMiddle_WritesNothingOfTheCall()
    {
        await using var store = await CreateStoreAsync();
        await store.SaveAsync([new UserChanges(7, 2, null, Fields(("k", "old")))], [], default);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync([new UserChanges(7, 4, null, Fields(("k", "new"))), User(8, ("k", "x")), null!], [], default));

        var user = await store.GetUserAsync(7, 1, ["k"], default);
        Assert.Equal((2, "old"), (user.Authority, user.Fields["k"]));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM cqbot_users WHERE id = 8;"));
    }

    [Fact]
    public async Task Save_Cancelled_IsCancelledAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var save = store.SaveAsync([User(7, ("k", "v"))], [], cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => save);
        Assert.True(save.IsCanceled);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM cqbot_users;"));
    }

    [Fact]
    public async Task GetUserAndChannel_Existing_DoNotWrite()
    {
        await using var store = await CreateStoreAsync();
        await store.GetUserAsync(7, 2, [], default);
        await store.GetChannelAsync(600, 1, [], default);
        using var watcher = OpenRaw();
        var before = Scalar(watcher, "PRAGMA data_version;");

        await store.GetUserAsync(7, 3, [], default);
        await store.GetUserAsync(7, 3, ["a", "b"], default);
        await store.GetChannelAsync(600, 2, [], default);
        await store.GetChannelAsync(600, 2, ["a"], default);
        var afterReads = Scalar(watcher, "PRAGMA data_version;");
        await store.SaveAsync([User(7, ("a", "1"))], [], default);

        // data_version changes for a connection when another connection has committed a write.
        Assert.Equal(before, afterReads);
        Assert.NotEqual(before, Scalar(watcher, "PRAGMA data_version;"));
    }

    [Fact]
    public async Task TryUseCommand_IntervalWithAFractionOfAMillisecond_IsNotShortened()
    {
        await using var store = await CreateStoreAsync();
        var use = new CommandUseRequest(7, "sign", 740000, 0, TimeSpan.FromTicks(15_000), Noon);
        await store.TryUseCommandAsync(use, default);

        var early = await store.TryUseCommandAsync(use with { Now = Noon.AddMilliseconds(1) }, default);
        var later = await store.TryUseCommandAsync(use with { Now = Noon.AddMilliseconds(2) }, default);

        Assert.Equal((false, true), (early.Allowed, later.Allowed));
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private object? Scalar(string sql)
    {
        using var connection = OpenRaw();
        return Scalar(connection, sql);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
