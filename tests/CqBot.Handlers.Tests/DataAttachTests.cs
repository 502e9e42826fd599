using CqBot.Data;
using CqBot.Hosting;
using CqBot.Testing;

namespace CqBot.Handlers.Tests;

public sealed class DataAttachTests
{
    private const long Group = 100;
    private const long Alice = 42;
    private const long Bob = 43;

    private static Task<TestBot> StartAsync(InMemoryBotStore? store = null, Action<BotApplication>? configure = null) =>
        TestBotTests.StartAsync(builder =>
        {
            // Messages sent at once to many groups would wait for the send rate on the test's frozen clock.
            builder.Configuration["CqBot:RateLimit:Enabled"] = "false";
            if (store is not null)
            {
                builder.UseStore(_ => store);
            }
        }, configure);

    private static async Task SetAuthorityAsync(TestBot bot, long userId, int authority)
    {
        var user = await bot.Data.GetUserAsync(userId);
        user.Authority = authority;
        await bot.Data.SaveAsync(user);
    }

    private static void AskForCounted(BotApplication app) => app.OnBeforeAttachUser((_, fields) => fields.Add(DataCommands.Counted));

    [Fact]
    public async Task Session_GroupMessage_SeesItsUserAndChannel()
    {
        await using var bot = await StartAsync();

        var reply = await bot.ReceiveGroupMessageAsync(Group, Alice, "whoami");

        Assert.Equal("42 1 100", reply.Text);
    }

    [Fact]
    public async Task Session_PrivateMessage_HasAUserAndNoChannel()
    {
        await using var bot = await StartAsync();

        Assert.Equal("42 1 ", (await bot.ReceivePrivateMessageAsync(Alice, "whoami")).Text);
    }

    [Fact]
    public async Task UserField_AskedFor_IsKeptPerUserAndWrittenBeforeTheAnswer()
    {
        var store = new InMemoryBotStore();
        await using var bot = await StartAsync(store, AskForCounted);

        Assert.Equal("1", (await bot.ReceiveGroupMessageAsync(Group, Alice, "count")).Text);
        Assert.Equal("2", (await bot.ReceivePrivateMessageAsync(Alice, "count")).Text);
        Assert.Equal("1", (await bot.ReceiveGroupMessageAsync(Group, Bob, "count")).Text);

        // The answer went out after the write: the store already holds it.
        Assert.Equal("2", (await store.GetUserAsync(Alice, 1, ["test.counted"], default)).Fields["test.counted"]);
    }

    [Fact]
    public async Task UserField_NotAskedFor_FailsTheCommandWithAClearError()
    {
        await using var bot = await StartAsync();
        Exception? error = null;
        bot.App.Error += (_, exception) => error = exception;

        var reply = await bot.ReceivePrivateMessageAsync(Alice, "count");

        Assert.Equal("发生未知错误。", reply.Text);
        Assert.Contains("'test.counted'", error?.Message);
        Assert.Contains("OnBeforeAttachUser", error?.Message);
    }

    [Fact]
    public async Task UserField_ConcurrentMessagesOfOneUser_AllCount()
    {
        var store = new InMemoryBotStore();
        await using var bot = await StartAsync(store, AskForCounted);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => bot.PostAsync(bot.GroupMessage(Group + i, Alice, "count"))));

        Assert.Equal("20", (await store.GetUserAsync(Alice, 1, ["test.counted"], default)).Fields["test.counted"]);
    }

    [Fact]
    public async Task UserField_NotAskedFor_CanBeLoadedLater()
    {
        var store = new InMemoryBotStore();
        await store.SaveAsync([new UserChanges(Alice, null, null, new Dictionary<string, string?> { ["test.counted"] = "41" })], [], default);
        await using var bot = await StartAsync(store);
        var user = await bot.Data.GetUserAsync(Alice);

        var before = user.IsLoaded(DataCommands.Counted);
        await user.LoadAsync(new FieldRequest().Add(DataCommands.Counted));

        Assert.False(before);
        Assert.Equal(41, user.Get(DataCommands.Counted));
        Assert.Equal("user 42", user.ToString());
    }

    [Fact]
    public async Task ChannelField_AskedFor_IsKeptPerChannel()
    {
        await using var bot = await StartAsync(configure: app => app.OnBeforeAttachChannel((_, fields) => fields.Add(DataCommands.Motto)));

        await bot.ReceiveGroupMessageAsync(Group, Alice, "motto 掷骰子吧");

        Assert.Equal("掷骰子吧", (await bot.ReceiveGroupMessageAsync(Group, Bob, "motto")).Text);
        Assert.Equal("(none)", (await bot.ReceiveGroupMessageAsync(Group + 1, Bob, "motto")).Text);
    }

    [Fact]
    public async Task Authority_BelowTheCommands_IsRefused()
    {
        await using var bot = await StartAsync();

        Assert.Equal("权限不足。", (await bot.ReceivePrivateMessageAsync(Alice, "staff")).Text);
        await SetAuthorityAsync(bot, Alice, 3);
        Assert.Equal("staff only", (await bot.ReceivePrivateMessageAsync(Alice, "staff")).Text);
    }

    [Fact]
    public async Task Help_ListsOnlyWhatTheUserMayRunHere()
    {
        await using var bot = await StartAsync();
        var channel = await bot.Data.GetChannelAsync(Group);
        channel.Disable("count");
        await bot.Data.SaveAsync(channel);

        var ordinary = await bot.ReceiveGroupMessageAsync(Group, Alice, "help");
        await SetAuthorityAsync(bot, Alice, 4);
        var admin = await bot.ReceiveGroupMessageAsync(Group, Alice, "help");
        var elsewhere = await bot.ReceiveGroupMessageAsync(Group + 1, Alice, "help");

        Assert.DoesNotContain("staff", ordinary.Text);
        Assert.DoesNotContain("authorize", ordinary.Text);
        Assert.Contains("daily", ordinary.Text);
        Assert.Contains("staff", admin.Text);
        Assert.Contains("authorize", admin.Text);
        Assert.DoesNotContain("count", admin.Text);
        Assert.Contains("count", elsewhere.Text);
    }

    [Fact]
    public async Task Authority_EmptyText_RefusesSilently()
    {
        await using var bot = await StartAsync(configure: app => app.Texts = app.Texts with { LowAuthority = "" });

        var reply = await bot.ReceivePrivateMessageAsync(Alice, "staff");

        Assert.Empty(reply.Calls);
    }

    [Fact]
    public async Task MaxUsage_ThirdUseOfTheDay_IsRefused_AndTheNextDayCountsAgain()
    {
        await using var bot = await StartAsync();

        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await bot.ReceivePrivateMessageAsync(Alice, "daily")).Text ?? "");
        }
        bot.Clock.Advance(TimeSpan.FromDays(1));
        answers.Add((await bot.ReceivePrivateMessageAsync(Alice, "daily")).Text ?? "");

        Assert.Equal(["daily done", "daily done", "调用次数已达上限。", "daily done"], answers);
        Assert.Equal("daily done", (await bot.ReceivePrivateMessageAsync(Bob, "daily")).Text);
    }

    [Fact]
    public async Task MinInterval_TooSoon_SaysHowLongToWait()
    {
        await using var bot = await StartAsync();
        await bot.ReceivePrivateMessageAsync(Alice, "slow");
        bot.Clock.Advance(TimeSpan.FromSeconds(3));

        var early = await bot.ReceivePrivateMessageAsync(Alice, "slow");
        bot.Clock.Advance(TimeSpan.FromSeconds(7));
        var later = await bot.ReceivePrivateMessageAsync(Alice, "slow");

        Assert.Equal("调用过于频繁，请在 7 秒后再试。", early.Text);
        Assert.Equal("slow done", later.Text);
    }

    [Fact]
    public async Task MaxUsage_ConcurrentUses_CountExactly()
    {
        await using var bot = await StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => bot.PostAsync(bot.GroupMessage(Group + i, Alice, "daily"))));

        var usage = await (await bot.Data.GetUserAsync(Alice)).GetUsageAsync("daily");
        Assert.Equal(2, usage.Count);
    }

    [Fact]
    public async Task IgnoredUser_GetsNoAnswerFromAnything()
    {
        await using var bot = await StartAsync();
        await SetAuthorityAsync(bot, Alice, 0);

        Assert.Empty((await bot.ReceiveGroupMessageAsync(Group, Alice, "ping")).Calls);
        Assert.Equal("pong", (await bot.ReceiveGroupMessageAsync(Group, Bob, "ping")).Text);
    }

    [Fact]
    public async Task ChannelFlag_SilentSetByAnAdmin_KeepsTheBotQuietThereUntilUnsetFromElsewhere()
    {
        await using var bot = await StartAsync();
        await SetAuthorityAsync(bot, Alice, 4);

        var set = await bot.ReceiveGroupMessageAsync(Group, Alice, "channel.flag -s silent");
        var quiet = await bot.ReceiveGroupMessageAsync(Group, Bob, "ping");
        var unset = await bot.ReceivePrivateMessageAsync(Alice, "channel.flag -S silent -c #100");
        var back = await bot.ReceiveGroupMessageAsync(Group, Bob, "ping");

        Assert.Equal("频道 100 的标记：silent", set.Text);
        Assert.Empty(quiet.Calls);
        Assert.Equal("频道 100 的标记：无", unset.Text);
        Assert.Equal("pong", back.Text);
    }

    [Fact]
    public async Task ChannelFlag_OrdinaryUser_IsRefused()
    {
        await using var bot = await StartAsync();

        Assert.Equal("权限不足。", (await bot.ReceiveGroupMessageAsync(Group, Bob, "channel.flag -s ignore")).Text);
        Assert.Equal("pong", (await bot.ReceiveGroupMessageAsync(Group, Bob, "ping")).Text);
    }

    [Fact]
    public async Task ChannelFlag_UnknownFlag_NamesTheFlagsThereAre()
    {
        await using var bot = await StartAsync();
        await SetAuthorityAsync(bot, Alice, 4);

        Assert.Equal("未知的标记 loud，可用的标记有：ignore、silent。", (await bot.ReceiveGroupMessageAsync(Group, Alice, "channel.flag -s loud")).Text);
    }

    [Fact]
    public async Task ChannelAssign_ToAnotherAccount_ThisOneAnswersOnlyWhenMentioned()
    {
        await using var bot = await StartAsync();
        await SetAuthorityAsync(bot, Alice, 4);

        var assigned = await bot.ReceiveGroupMessageAsync(Group, Alice, "channel.assign @999");
        var unanswered = await bot.ReceiveGroupMessageAsync(Group, Bob, "ping");
        var mentioned = await bot.ReceiveGroupMessageAsync(Group, Bob, $"[CQ:at,qq={TestBot.DefaultSelfId}] ping");

        Assert.Equal("频道 100 现由账号 999 负责。", assigned.Text);
        Assert.Empty(unanswered.Calls);
        Assert.Equal("pong", mentioned.Text);
    }

    [Fact]
    public async Task NewChannel_IsAssignedToTheAccountThatSawItFirst()
    {
        await using var bot = await StartAsync();

        await bot.ReceiveGroupMessageAsync(Group, Bob, "ping");

        Assert.Equal(TestBot.DefaultSelfId, (await bot.Data.Store.GetChannelAsync(Group, 0, [], default)).Assignee);
    }

    [Fact]
    public async Task Authorize_ByAnAdmin_RaisesAnotherUserBelowTheirOwn()
    {
        await using var bot = await StartAsync();
        await SetAuthorityAsync(bot, Alice, 4);

        var done = await bot.ReceiveGroupMessageAsync(Group, Alice, "authorize [CQ:at,qq=43] 3");
        var staff = await bot.ReceiveGroupMessageAsync(Group, Bob, "staff");
        var tooHigh = await bot.ReceiveGroupMessageAsync(Group, Alice, "authorize @43 4");

        Assert.Equal("用户 43 的权限已设为 3。", done.Text);
        Assert.Equal("staff only", staff.Text);
        Assert.Equal("权限不足。", tooHigh.Text);
    }

    [Fact]
    public async Task Authorize_SomeoneAsHighAsTheAdmin_IsRefused()
    {
        await using var bot = await StartAsync();
        await SetAuthorityAsync(bot, Alice, 4);
        await SetAuthorityAsync(bot, Bob, 4);

        Assert.Equal("权限不足。", (await bot.ReceivePrivateMessageAsync(Alice, "authorize @43 1")).Text);
        Assert.Equal(4, (await bot.Data.Store.GetUserAsync(Bob, 1, [], default)).Authority);
    }

    [Fact]
    public async Task DisabledCommand_InAChannel_IsNotThereOnlyThere()
    {
        await using var bot = await StartAsync();
        var channel = await bot.Data.GetChannelAsync(Group);
        channel.Disable("ping");
        await bot.Data.SaveAsync(channel);

        Assert.Empty((await bot.ReceiveGroupMessageAsync(Group, Bob, "ping")).Calls);
        Assert.Equal("pong", (await bot.ReceiveGroupMessageAsync(Group + 1, Bob, "ping")).Text);
    }

    [Fact]
    public async Task DisabledCommand_InAChannel_IsNotSuggestedThereEither()
    {
        await using var bot = await StartAsync();
        var channel = await bot.Data.GetChannelAsync(Group);
        channel.Disable("ping");
        await bot.Data.SaveAsync(channel);
        bot.App.DispatchSettings = new CommandDispatchSettings { Prefixes = ["/"] };
        const string typo = "/pinng";

        var here = await bot.ReceiveGroupMessageAsync(Group, Bob, typo);
        var elsewhere = await bot.ReceiveGroupMessageAsync(Group + 1, Bob, typo);

        Assert.DoesNotContain("ping", here.Text ?? "");
        Assert.Contains("“ping”", elsewhere.Text);
    }

    [Fact]
    public async Task AttachUserListener_Stop_AnswersInsteadOfTheCommand()
    {
        await using var bot = await StartAsync(configure: app => app.OnAttachUser((session, user) =>
            new ValueTask<Message?>(user.Id == Bob ? (Message)"先签到" : null)));

        Assert.Equal("先签到", (await bot.ReceiveGroupMessageAsync(Group, Bob, "ping")).Text);
        Assert.Equal("pong", (await bot.ReceiveGroupMessageAsync(Group, Alice, "ping")).Text);
    }

    [Fact]
    public async Task AttachUserListener_Throws_TheMessageGetsTheUnknownError_NotTheStorageOne()
    {
        Exception? reported = null;
        await using var bot = await StartAsync(configure: app =>
        {
            app.Error += (_, exception) => reported = exception;
            app.OnAttachUser((_, _) => throw new InvalidOperationException("listener bug"));
        });

        var reply = await bot.ReceivePrivateMessageAsync(Alice, "ping");

        Assert.Equal("发生未知错误。", reply.Text);
        Assert.Equal("listener bug", reported?.Message);
    }

    [Fact]
    public async Task AttachStages_RunInOrder_ChannelBeforeUser()
    {
        var order = new List<string>();
        await using var bot = await StartAsync(configure: app =>
        {
            app.OnAttachUser((_, _) => { order.Add("attach-user"); return default; });
            app.OnBeforeAttachUser((_, _) => order.Add("before-attach-user"));
            app.OnAttachChannel((_, _) => { order.Add("attach-channel"); return default; });
            app.OnBeforeAttachChannel((_, _) => order.Add("before-attach-channel"));
        });

        await bot.ReceiveGroupMessageAsync(Group, Alice, "ping");

        Assert.Equal(["before-attach-channel", "attach-channel", "before-attach-user", "attach-user"], order);
    }

    [Fact]
    public async Task StoreDown_NewUser_GetsTheStorageError_AndTheBotRecovers()
    {
        var store = new InMemoryBotStore();
        await using var bot = await StartAsync(store);
        store.Unavailable = true;

        var down = await bot.ReceivePrivateMessageAsync(Alice, "ping");
        store.Unavailable = false;
        var back = await bot.ReceivePrivateMessageAsync(Alice, "ping");

        Assert.Equal("数据服务暂时不可用，请稍后再试。", down.Text);
        Assert.Equal("pong", back.Text);
    }

    [Fact]
    public async Task StoreDown_WhileWriting_TheChangeIsNotClaimed_AndTheCountResumesFromTheStore()
    {
        var store = new InMemoryBotStore();
        await using var bot = await StartAsync(store, AskForCounted);
        await bot.ReceivePrivateMessageAsync(Alice, "count");
        store.Unavailable = true;

        var failed = await bot.ReceivePrivateMessageAsync(Alice, "count");
        store.Unavailable = false;
        var next = await bot.ReceivePrivateMessageAsync(Alice, "count");

        Assert.Equal("数据服务暂时不可用，请稍后再试。", failed.Text);
        Assert.Equal("2", next.Text);
    }

    [Fact]
    public async Task Shutdown_WritesChangesMadeOutsideMessages()
    {
        var store = new InMemoryBotStore();
        var bot = await StartAsync(store);
        var user = await bot.Data.GetUserAsync(Alice, new FieldRequest().Add(DataCommands.Counted));
        user.Set(DataCommands.Counted, 7);

        await bot.DisposeAsync();

        Assert.Equal("7", (await store.GetUserAsync(Alice, 1, ["test.counted"], default)).Fields["test.counted"]);
    }

    [Fact]
    public async Task NoStore_CommandWithAuthority_SaysTheBotKeepsNoData()
    {
        await using var bot = await TestBotTests.StartAsync(builder => builder.Configuration["CqBot:Storage:Provider"] = "none", null);

        Assert.Equal("此机器人没有配置数据存储，无法使用该指令。", (await bot.ReceivePrivateMessageAsync(Alice, "staff")).Text);
        Assert.Equal("pong", (await bot.ReceivePrivateMessageAsync(Alice, "ping")).Text);
    }
}
