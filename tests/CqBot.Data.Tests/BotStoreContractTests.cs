using CqBot.Data;
using Xunit;

namespace CqBot.Data.Tests;

/// <summary>
/// What every <see cref="IBotStore"/> must do. Each store's test class derives from this and creates a
/// fresh, empty, initialised store per test; a store whose database is not there skips.
/// </summary>
public abstract class BotStoreContractTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A new store over an empty database, initialised. Calls <c>Skip.If</c> when the database is missing.</summary>
    protected abstract Task<IBotStore> CreateStoreAsync();

    /// <summary>
    /// A second store over the same database as <paramref name="store"/>, as a restarted (or a second)
    /// process sees it; null for a store whose data lives only in its own instance.
    /// </summary>
    protected abstract Task<IBotStore?> OpenAgainAsync(IBotStore store);

    [SkippableFact]
    public async Task GetUser_NewUser_IsCreatedWithTheDefaultAuthority()
    {
        await using var store = await CreateStoreAsync();

        var created = await store.GetUserAsync(10001, 2, [], default);
        var again = await store.GetUserAsync(10001, 1, [], default);

        Assert.Equal((10001L, 2, UserFlags.None), (created.Id, created.Authority, created.Flags));
        Assert.Equal(2, again.Authority);
        Assert.Empty(created.Fields);
    }

    [SkippableFact]
    public async Task GetUser_Fields_OnlyTheNamedOnesAreLoaded()
    {
        await using var store = await CreateStoreAsync();
        await store.SaveAsync([User(7, ("dice.rolls", "12"), ("dice.best", "6"), ("other.x", "\"y\""))], [], default);

        var user = await store.GetUserAsync(7, 1, ["dice.rolls", "dice.best", "never.written"], default);

        Assert.Equal(2, user.Fields.Count);
        Assert.Equal("12", user.Fields["dice.rolls"]);
        Assert.Equal("6", user.Fields["dice.best"]);
    }

    [SkippableFact]
    public async Task Save_NullFieldValue_RemovesTheField()
    {
        await using var store = await CreateStoreAsync();
        await store.SaveAsync([User(7, ("a", "1"), ("b", "2"))], [], default);

        await store.SaveAsync([new UserChanges(7, null, null, new Dictionary<string, string?> { ["a"] = null })], [], default);

        var user = await store.GetUserAsync(7, 1, ["a", "b"], default);
        Assert.False(user.Fields.ContainsKey("a"));
        Assert.Equal("2", user.Fields["b"]);
    }

    [SkippableFact]
    public async Task Save_OnlyNamedColumns_LeavesTheOthers()
    {
        await using var store = await CreateStoreAsync();
        await store.GetUserAsync(7, 1, [], default);
        await store.SaveAsync([new UserChanges(7, 4, null, Fields())], [], default);
        await store.SaveAsync([new UserChanges(7, null, UserFlags.Ignore, Fields(("f", "v")))], [], default);
        await store.SaveAsync([User(7, ("g", "w"))], [], default);

        var user = await store.GetUserAsync(7, 1, ["f", "g"], default);

        Assert.Equal((4, UserFlags.Ignore), (user.Authority, user.Flags));
        Assert.Equal("v", user.Fields["f"]);
        Assert.Equal("w", user.Fields["g"]);
    }

    [SkippableFact]
    public async Task Save_UnknownUser_CreatesIt()
    {
        await using var store = await CreateStoreAsync();

        await store.SaveAsync([new UserChanges(42, 3, null, Fields(("k", "v")))], [], default);

        var user = await store.GetUserAsync(42, 1, ["k"], default);
        Assert.Equal(3, user.Authority);
        Assert.Equal("v", user.Fields["k"]);
    }

    [SkippableFact]
    public async Task Save_FieldValues_KeepEveryCharacter()
    {
        await using var store = await CreateStoreAsync();
        var text = "{\"名字\":\"骰子 🎲\",\"quote\":\"it's\\n'\\\"; DROP TABLE x;--\"}" + new string('x', 10_000);

        await store.SaveAsync([User(7, ("plugin.json", text))], [], default);

        Assert.Equal(text, (await store.GetUserAsync(7, 1, ["plugin.json"], default)).Fields["plugin.json"]);
    }

    [SkippableFact]
    public async Task Save_ManyUsersAndChannels_AllArriveInOneCall()
    {
        await using var store = await CreateStoreAsync();
        var users = Enumerable.Range(1, 200).Select(i => User(i, ("n", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
        var channels = Enumerable.Range(1, 20).Select(i => new ChannelChanges(i, ChannelFlags.Silent, 99, null, Fields())).ToArray();

        await store.SaveAsync(users, channels, default);

        Assert.Equal("137", (await store.GetUserAsync(137, 1, ["n"], default)).Fields["n"]);
        Assert.Equal(ChannelFlags.Silent, (await store.GetChannelAsync(20, 0, [], default)).Flags);
    }

    [SkippableFact]
    public async Task Save_ConcurrentChangesToDifferentFields_KeepBoth()
    {
        await using var store = await CreateStoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.SaveAsync([User(5, ("f" + i, "v" + i))], [], default)));

        var names = Enumerable.Range(0, 20).Select(i => "f" + i).ToArray();
        Assert.Equal(20, (await store.GetUserAsync(5, 1, names, default)).Fields.Count);
    }

    [SkippableFact]
    public async Task GetChannel_NewChannel_IsAssignedOnceAndKept()
    {
        await using var store = await CreateStoreAsync();

        var created = await store.GetChannelAsync(600, 111, [], default);
        var again = await store.GetChannelAsync(600, 222, [], default);

        Assert.Equal((600L, ChannelFlags.None, 111L), (created.Id, created.Flags, created.Assignee));
        Assert.Equal(111, again.Assignee);
        Assert.Empty(again.Disabled);
    }

    [SkippableFact]
    public async Task Save_ChannelColumnsAndFields_AreWrittenAndRead()
    {
        await using var store = await CreateStoreAsync();
        await store.GetChannelAsync(600, 111, [], default);

        await store.SaveAsync([], [new ChannelChanges(600, ChannelFlags.Silent | ChannelFlags.Ignore, 222, ["roll", "plugin:fortune"], Fields(("welcome.text", "hi")))], default);
        await store.SaveAsync([], [new ChannelChanges(600, null, null, null, Fields(("other", "1")))], default);

        var channel = await store.GetChannelAsync(600, 0, ["welcome.text"], default);
        Assert.Equal(ChannelFlags.Silent | ChannelFlags.Ignore, channel.Flags);
        Assert.Equal(222, channel.Assignee);
        Assert.Equal(["roll", "plugin:fortune"], channel.Disabled);
        Assert.Equal("hi", Assert.Single(channel.Fields).Value);
    }

    [SkippableFact]
    public async Task Save_EmptyDisabledList_ClearsIt()
    {
        await using var store = await CreateStoreAsync();
        await store.SaveAsync([], [new ChannelChanges(600, null, null, ["roll"], Fields())], default);

        await store.SaveAsync([], [new ChannelChanges(600, null, null, [], Fields())], default);

        Assert.Empty((await store.GetChannelAsync(600, 0, [], default)).Disabled);
    }

    [SkippableFact]
    public async Task TryUseCommand_UpToTheDailyLimit_ThenRefuses()
    {
        await using var store = await CreateStoreAsync();
        var use = new CommandUseRequest(7, "roll", 740000, 3, TimeSpan.Zero, Noon);

        var results = new List<CommandUsage>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await store.TryUseCommandAsync(use with { Now = Noon.AddSeconds(i) }, default));
        }

        Assert.Equal([true, true, true, false], results.Select(r => r.Allowed));
        Assert.Equal([1, 2, 3, 3], results.Select(r => r.Count));
        Assert.Equal(Noon.AddSeconds(2), results[3].LastUsed);
    }

    [SkippableFact]
    public async Task TryUseCommand_NextDay_StartsFromZero()
    {
        await using var store = await CreateStoreAsync();
        var use = new CommandUseRequest(7, "roll", 740000, 1, TimeSpan.Zero, Noon);
        await store.TryUseCommandAsync(use, default);

        var refused = await store.TryUseCommandAsync(use with { Now = Noon.AddHours(1) }, default);
        var nextDay = await store.TryUseCommandAsync(use with { Day = 740001, Now = Noon.AddDays(1) }, default);

        Assert.False(refused.Allowed);
        Assert.Equal((true, 1), (nextDay.Allowed, nextDay.Count));
    }

    [SkippableFact]
    public async Task TryUseCommand_WithinTheInterval_IsRefusedWithoutCounting()
    {
        await using var store = await CreateStoreAsync();
        var use = new CommandUseRequest(7, "sign", 740000, 0, TimeSpan.FromSeconds(10), Noon);
        await store.TryUseCommandAsync(use, default);

        var early = await store.TryUseCommandAsync(use with { Now = Noon.AddSeconds(9) }, default);
        var later = await store.TryUseCommandAsync(use with { Now = Noon.AddSeconds(10) }, default);

        Assert.Equal((false, 1, (DateTimeOffset?)Noon), (early.Allowed, early.Count, early.LastUsed));
        Assert.Equal((true, 2), (later.Allowed, later.Count));
    }

    [SkippableFact]
    public async Task TryUseCommand_CommandsAndUsers_CountApart()
    {
        await using var store = await CreateStoreAsync();
        var use = new CommandUseRequest(7, "roll", 740000, 1, TimeSpan.Zero, Noon);

        var first = await store.TryUseCommandAsync(use, default);
        var otherCommand = await store.TryUseCommandAsync(use with { Command = "sign" }, default);
        var otherUser = await store.TryUseCommandAsync(use with { UserId = 8 }, default);

        Assert.True(first.Allowed && otherCommand.Allowed && otherUser.Allowed);
    }

    [SkippableFact]
    public async Task TryUseCommand_ConcurrentUses_NoneIsLostAndTheLimitHolds()
    {
        await using var store = await CreateStoreAsync();
        var use = new CommandUseRequest(7, "roll", 740000, 60, TimeSpan.Zero, Noon);

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => store.TryUseCommandAsync(use with { Now = Noon.AddMilliseconds(i) }, default))));

        Assert.Equal(60, results.Count(r => r.Allowed));
        Assert.Equal(60, (await store.GetCommandUsageAsync(7, "roll", 740000, default)).Count);
    }

    [SkippableFact]
    public async Task TryUseCommand_ConcurrentUnlimitedUses_AreAllCounted()
    {
        await using var store = await CreateStoreAsync();
        var use = new CommandUseRequest(7, "roll", 740000, 0, TimeSpan.Zero, Noon);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => store.TryUseCommandAsync(use, default))));

        Assert.Equal(100, (await store.GetCommandUsageAsync(7, "roll", 740000, default)).Count);
    }

    [SkippableFact]
    public async Task GetCommandUsage_NeverUsed_IsZero()
    {
        await using var store = await CreateStoreAsync();

        var usage = await store.GetCommandUsageAsync(7, "roll", 740000, default);

        Assert.Equal((0, (DateTimeOffset?)null), (usage.Count, usage.LastUsed));
    }

    [SkippableFact]
    public async Task GetCommandUsage_OtherDay_CountsZeroButKeepsTheLastUse()
    {
        await using var store = await CreateStoreAsync();
        await store.TryUseCommandAsync(new CommandUseRequest(7, "roll", 740000, 0, TimeSpan.Zero, Noon), default);

        var usage = await store.GetCommandUsageAsync(7, "roll", 740001, default);

        Assert.Equal((0, (DateTimeOffset?)Noon), (usage.Count, usage.LastUsed));
    }

    [SkippableFact]
    public async Task Initialize_Twice_KeepsTheData()
    {
        await using var store = await CreateStoreAsync();
        await store.SaveAsync([new UserChanges(7, 3, null, Fields(("k", "v")))], [], default);

        await store.InitializeAsync(default);

        Assert.Equal("v", (await store.GetUserAsync(7, 1, ["k"], default)).Fields["k"]);
    }

    [SkippableFact]
    public async Task OpenAgain_SeesWhatWasSaved()
    {
        await using var store = await CreateStoreAsync();
        await store.SaveAsync([new UserChanges(7, 4, null, Fields(("k", "v")))], [new ChannelChanges(600, ChannelFlags.Silent, 5, ["x"], Fields())], default);
        await store.TryUseCommandAsync(new CommandUseRequest(7, "roll", 740000, 0, TimeSpan.Zero, Noon), default);

        await using var reopened = await OpenAgainAsync(store);
        Skip.If(reopened is null, "This store keeps its data in its own instance.");

        var user = await reopened.GetUserAsync(7, 1, ["k"], default);
        Assert.Equal((4, "v"), (user.Authority, user.Fields["k"]));
        Assert.Equal(ChannelFlags.Silent, (await reopened.GetChannelAsync(600, 0, [], default)).Flags);
        Assert.Equal(1, (await reopened.GetCommandUsageAsync(7, "roll", 740000, default)).Count);
    }

    [SkippableFact]
    public async Task TryUseCommand_TwoStoresOnOneDatabase_CountTogether()
    {
        await using var store = await CreateStoreAsync();
        await using var second = await OpenAgainAsync(store);
        Skip.If(second is null, "This store keeps its data in its own instance.");
        var use = new CommandUseRequest(7, "roll", 740000, 150, TimeSpan.Zero, Noon);

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => (i % 2 == 0 ? store : second).TryUseCommandAsync(use, default))));

        Assert.All(results, r => Assert.True(r.Allowed));
        Assert.Equal(100, (await store.GetCommandUsageAsync(7, "roll", 740000, default)).Count);
    }

    protected static UserChanges User(long id, params (string Name, string Value)[] fields) => new(id, null, null, Fields(fields));

    protected static Dictionary<string, string?> Fields(params (string Name, string Value)[] fields)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            result[name] = value;
        }
        return result;
    }
}
