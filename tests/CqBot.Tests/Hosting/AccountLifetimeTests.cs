using System.Collections.Concurrent;
using System.Net;
using CqBot.Hosting;
using CqBot.Hosting.Accounts;
using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CqBot.Tests.Hosting;

/// <summary>Accounts without a connection or an event for <see cref="BotOptions.AccountIdleTimeout"/> are forgotten.</summary>
public sealed class AccountLifetimeTests : IAsyncLifetime
{
    private const long Configured = 7502;
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ConcurrentQueue<(long SelfId, BotAccountState State)> _changes = new();
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(["--no-rate-limit"], builder =>
        {
            builder.Configuration["CqBot:AccountIdleTimeout"] = "60";
            builder.Configuration[$"CqBot:Accounts:{Configured}:ApiRoot"] = "http://127.0.0.1:9/";
            builder.Services.AddSingleton<TimeProvider>(_time);
        });
        _host.Accounts.StateChanged += (_, e) => _changes.Enqueue((e.Bot.SelfId, e.State));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task HttpPostAccount_IdleLongerThanTimeout_IsForgotten()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(7501, FakeEvents.Heartbeat(7501, 5000))).StatusCode);
        Assert.NotNull(_host.Accounts.Find(7501));

        _time.Advance(IdleTimeout * 2);

        Assert.Null(_host.Accounts.Find(7501));
        Assert.DoesNotContain(_host.Accounts.GetStatus(), a => a.SelfId == 7501);
        Assert.Contains((7501L, BotAccountState.Forgotten), _changes);
    }

    [Fact]
    public async Task HttpPostAccount_EventsKeepComing_IsKept()
    {
        await PostAsync(7503, FakeEvents.Heartbeat(7503, 5000));
        _time.Advance(IdleTimeout * 0.75);
        await PostAsync(7503, FakeEvents.Heartbeat(7503, 5000));

        _time.Advance(IdleTimeout * 0.75);

        Assert.NotNull(_host.Accounts.Find(7503));
    }

    [Fact]
    public async Task ConfiguredAccount_Idle_IsKept()
    {
        await PostAsync(Configured, FakeEvents.Heartbeat(Configured, 5000));

        _time.Advance(IdleTimeout * 3);

        Assert.NotNull(_host.Accounts.Find(Configured));
    }

    [Fact]
    public async Task ConnectedAccount_IsKept_ThenForgottenAfterItDisconnects()
    {
        var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 7504);
        await _host.WaitForBotAsync(7504);

        _time.Advance(IdleTimeout * 3);
        Assert.NotNull(_host.Accounts.Find(7504));

        await client.DisposeAsync();
        await AccountIsolationTests.WaitUntilAsync(() => _host.Accounts.GetStatus().Single(a => a.SelfId == 7504).Connections.Count == 0);
        _time.Advance(IdleTimeout / 2);
        Assert.NotNull(_host.Accounts.Find(7504));

        _time.Advance(IdleTimeout);
        Assert.Null(_host.Accounts.Find(7504));
    }

    [Fact]
    public async Task ManyDistinctSelfIds_AfterTimeout_AreAllForgotten()
    {
        for (long selfId = 800_000; selfId < 800_300; selfId++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(selfId, FakeEvents.Heartbeat(selfId, 5000))).StatusCode);
        }
        Assert.Equal(300, _host.Accounts.GetStatus().Count(a => a.SelfId is >= 800_000 and < 800_300));

        _time.Advance(IdleTimeout * 2);

        Assert.DoesNotContain(_host.Accounts.GetStatus(), a => a.SelfId is >= 800_000 and < 800_300);
    }

    [Fact]
    public async Task ForgottenAccount_PostsAgain_IsHandledAndReadyAgain()
    {
        await PostAsync(7505, FakeEvents.FriendRequest(7505, 42));
        _time.Advance(IdleTimeout * 2);
        Assert.Null(_host.Accounts.Find(7505));

        var result = await PostAsync(7505, FakeEvents.GroupMessage(7505, 77, 42, "add 2 3"));

        Assert.Equal("5", TextOf.Message(result.Operation!.Value.GetProperty("reply")));
        Assert.NotNull(_host.Accounts.Find(7505));
        Assert.Equal([BotAccountState.Ready, BotAccountState.Forgotten, BotAccountState.Ready], _changes.Where(c => c.SelfId == 7505).Select(c => c.State));
    }

    [Fact]
    public async Task HandlerRunning_WhenItsAccountIsForgotten_IsNotCancelled_AndFinishes()
    {
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = _host.App.On("message/private", async session =>
        {
            if (session.Bot.SelfId != 7506)
            {
                return null;
            }
            started.TrySetResult(session.CancellationToken);
            await release.Task;
            finished.TrySetResult(session.CancellationToken.IsCancellationRequested);
            return null;
        });
        var post = PostAsync(7506, FakeEvents.PrivateMessage(7506, 42, "slow"));
        try
        {
            var token = await started.Task.WaitAsync(BotHost.Timeout);

            // The quick-operation window passes, and the account has been idle for longer than the timeout.
            _time.Advance(IdleTimeout * 2);
            // The post may start waiting out its window on the fake clock only after that advance.
            await AccountIsolationTests.WaitUntilAsync(() =>
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                return post.IsCompleted;
            });
            Assert.Equal(HttpStatusCode.NoContent, (await post).StatusCode);
            Assert.Null(_host.Accounts.Find(7506));
            Assert.False(token.IsCancellationRequested);
        }
        finally
        {
            // Shutdown waits on the fake clock: a handler left waiting would hold it up.
            release.TrySetResult();
        }
        Assert.False(await finished.Task.WaitAsync(BotHost.Timeout));
    }

    [Fact]
    public async Task EventsWhileAccountsAreForgotten_AreEachHandledOnce_AndLeaveAtMostOneAccount()
    {
        const int Posts = 200;
        var handled = new ConcurrentDictionary<string, int>();
        using var listener = _host.App.On("message/private", session =>
        {
            if (session.Bot.SelfId == 7507)
            {
                handled.AddOrUpdate(session.Content, 1, static (_, n) => n + 1);
            }
            return ValueTask.FromResult<QuickOperation?>(null);
        });
        using var stop = new CancellationTokenSource();
        // Every tick makes the account eligible again: it is forgotten over and over while events arrive.
        var forgetting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                _time.Advance(IdleTimeout + TimeSpan.FromSeconds(1));
                await Task.Yield();
            }
        });
        using var poster = new FakeOneBotPoster(_host.BaseUrl, 7507);
        try
        {
            await Parallel.ForAsync(0, Posts, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            {
                var result = await poster.PostAsync(FakeEvents.PrivateMessage(7507, 42, "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Assert.True(result.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK, result.StatusCode.ToString());
            });
        }
        finally
        {
            await stop.CancelAsync();
            await forgetting;
        }
        await AccountIsolationTests.WaitUntilAsync(() => handled.Count == Posts);

        Assert.All(handled.Values, count => Assert.Equal(1, count));
        Assert.True(_host.Accounts.GetStatus().Count(a => a.SelfId == 7507) <= 1);
        Assert.Contains(_changes, c => c.SelfId == 7507 && c.State == BotAccountState.Forgotten);
    }

    [Fact]
    public void TryTouch_OnAClockThatStoodStill_StillPostponesForgetting()
    {
        var account = new BotAccount(7508, null, null, TimeSpan.FromSeconds(1), new ApiHooks(), createdTicks: 1000);
        var idle = IdleTimeout.Ticks;
        var now = 1000 + idle;

        Assert.True(account.TryTouch(1000));

        Assert.False(account.TryRetire(now, idle));
        Assert.True(account.TryRetire(now + 10, idle));
        Assert.False(account.TryTouch(now + 10));
    }

    private async Task<PostResult> PostAsync(long selfId, string json)
    {
        using var poster = new FakeOneBotPoster(_host.BaseUrl, selfId);
        return await poster.PostAsync(json);
    }
}
