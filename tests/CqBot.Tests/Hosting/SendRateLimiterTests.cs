using CqBot.Hosting;
using CqBot.Hosting.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace CqBot.Tests.Hosting;

public sealed class SendRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    private SendRateLimiter Limiter(double accountBurst = 2, double accountPerSecond = 1, double groupBurst = 2, double groupPerSecond = 1, int queueLimit = 10) =>
        new(1, new SendRateLimitOptions
        {
            AccountBurst = accountBurst, AccountPerSecond = accountPerSecond, GroupBurst = groupBurst, GroupPerSecond = groupPerSecond, QueueLimit = queueLimit,
        }, _time);

    [Fact]
    public async Task Account_MakesItsLimiterWhenItFirstSendsAMessage_AndKeepsIt()
    {
        var made = 0;
        var account = new CqBot.Hosting.Accounts.BotAccount(1, null, selfId =>
        {
            made++;
            return new SendRateLimiter(selfId, new SendRateLimitOptions { AccountBurst = 1, AccountPerSecond = 1 }, _time);
        }, TimeSpan.FromSeconds(5), new ApiHooks())
        {
            InMemory = new CqBot.Tests.Support.RecordingTransport(),
        };
        Assert.True(account.IsRateLimited);

        await account.SendAsync(new JsonObjectRequest("get_status"), CancellationToken.None);
        Assert.Null(account.LimiterIfMade);

        await account.SendAsync(new JsonObjectRequest("send_private_msg"), CancellationToken.None);
        var limiter = account.LimiterIfMade;
        var second = account.SendAsync(new JsonObjectRequest("send_private_msg"), CancellationToken.None).AsTask();

        // The one limiter holds the second message back until the account's bucket refills.
        await Task.Delay(20);
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, made);
        Assert.Same(limiter, account.Limiter);
    }

    [Fact]
    public async Task AcquireAsync_WithinBurst_CompletesAtOnce()
    {
        var limiter = Limiter();

        await limiter.AcquireAsync(null, CancellationToken.None);
        await limiter.AcquireAsync(null, CancellationToken.None);
    }

    [Fact]
    public async Task AcquireAsync_OverBurst_WaitsUntilATokenRefills()
    {
        var limiter = Limiter(accountBurst: 1, accountPerSecond: 2);
        await limiter.AcquireAsync(null, CancellationToken.None);

        var waiting = limiter.AcquireAsync(null, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(400));
        await Task.Delay(20);
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(100));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_BusyGroup_DoesNotDelayAnotherGroup()
    {
        var limiter = Limiter(accountBurst: 10, groupBurst: 1);
        await limiter.AcquireAsync(100, CancellationToken.None);

        var sameGroup = limiter.AcquireAsync(100, CancellationToken.None).AsTask();
        await limiter.AcquireAsync(200, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(sameGroup.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await sameGroup.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_GroupWithinLimit_StillBoundByAccount()
    {
        var limiter = Limiter(accountBurst: 1, groupBurst: 5);
        await limiter.AcquireAsync(100, CancellationToken.None);

        var next = limiter.AcquireAsync(200, CancellationToken.None).AsTask();
        await Task.Delay(20);

        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_QueueFull_ThrowsSendQueueFull()
    {
        var limiter = Limiter(accountBurst: 1, queueLimit: 2);
        await limiter.AcquireAsync(null, CancellationToken.None);
        var first = limiter.AcquireAsync(null, CancellationToken.None).AsTask();
        var second = limiter.AcquireAsync(null, CancellationToken.None).AsTask();

        await Assert.ThrowsAsync<SendQueueFullException>(() => limiter.AcquireAsync(null, CancellationToken.None).AsTask());
        Assert.Equal(2, limiter.Queued);
        _time.Advance(TimeSpan.FromSeconds(1));
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(20);
        _time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_LeavesTheQueue()
    {
        var limiter = Limiter(accountBurst: 1, queueLimit: 1);
        await limiter.AcquireAsync(null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(null, cancel.Token).AsTask();

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, limiter.Queued);
    }

    [Theory]
    [InlineData("send_msg", true)]
    [InlineData("send_group_msg", true)]
    [InlineData("send_private_msg", true)]
    [InlineData("send_group_forward_msg", true)]
    [InlineData("get_status", false)]
    [InlineData("delete_msg", false)]
    public void IsSend_ByAction_TellsMessagesApart(string action, bool expected) =>
        Assert.Equal(expected, new JsonObjectRequest(action).SendsMessage);
}
