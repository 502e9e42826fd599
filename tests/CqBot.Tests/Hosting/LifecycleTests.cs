using System.Net.Http.Json;
using System.Text.Json;
using CqBot.Hosting;
using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CqBot.Tests.Hosting;

public sealed class LifecycleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly System.Collections.Concurrent.ConcurrentQueue<(long SelfId, BotAccountState State)> _changes = new();
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(configure: builder => builder.Services.AddSingleton<TimeProvider>(_time));
        _host.Accounts.StateChanged += (_, e) => _changes.Enqueue((e.Bot.SelfId, e.State));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Connect_NewAccount_RaisesConnectedThenReady()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9201);
        await WaitUntilAsync(() => _changes.Count(c => c.SelfId == 9201) == 2);

        Assert.Equal([BotAccountState.Connected, BotAccountState.Ready], _changes.Where(c => c.SelfId == 9201).Select(c => c.State));
    }

    [Fact]
    public async Task Close_LastSocket_RaisesDisconnected()
    {
        var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9202);
        await _host.WaitForBotAsync(9202);

        await client.DisposeAsync();

        await WaitUntilAsync(() => _changes.Contains((9202, BotAccountState.Disconnected)));
    }

    [Fact]
    public async Task Heartbeats_Stop_AccountGoesOffline()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9203);
        await client.SendEventAsync(FakeEvents.Heartbeat(9203, 1000));
        await WaitUntilAsync(() => Status(9203)?.LastHeartbeat is not null);

        _time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(50);
        Assert.True(Status(9203)!.Online);
        _time.Advance(TimeSpan.FromSeconds(1));

        await WaitUntilAsync(() => _changes.Contains((9203, BotAccountState.Offline)));
        Assert.False(Status(9203)!.Online);
    }

    [Fact]
    public async Task Heartbeats_Resume_AccountComesBackOnline()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9204);
        await client.SendEventAsync(FakeEvents.Heartbeat(9204, 1000));
        await WaitUntilAsync(() => Status(9204)?.LastHeartbeat is not null);
        _time.Advance(TimeSpan.FromSeconds(3));
        await WaitUntilAsync(() => Status(9204)!.Online == false);

        await client.SendEventAsync(FakeEvents.Heartbeat(9204, 1000));

        // The state changes before the event announcing it is raised: wait for the announcement itself.
        await WaitUntilAsync(() => _changes.Contains((9204, BotAccountState.Online)));
        Assert.True(Status(9204)!.Online);
    }

    [Fact]
    public async Task Heartbeat_ReportsOffline_AccountGoesOfflineAtOnce()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9205);

        await client.SendEventAsync(FakeEvents.Heartbeat(9205, 1000, online: false));

        await WaitUntilAsync(() => Status(9205)?.Online == false);
    }

    [Fact]
    public async Task Healthz_ListsAccountsWithConnectionsAndLastHeartbeat()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9206);
        await client.SendEventAsync(FakeEvents.Heartbeat(9206, 5000));
        await WaitUntilAsync(() => Status(9206)?.LastHeartbeat is not null);
        using var http = new HttpClient();

        var health = await http.GetFromJsonAsync<JsonElement>(new Uri(_host.BaseUrl, "healthz"));

        var account = health.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("self_id").GetInt64() == 9206);
        Assert.Equal(["reverse/universal"], account.GetProperty("connections").EnumerateArray().Select(c => c.GetString()));
        Assert.True(account.GetProperty("online").GetBoolean());
        Assert.Equal(_time.GetUtcNow(), account.GetProperty("last_heartbeat").GetDateTimeOffset());
        Assert.Equal(5000, account.GetProperty("heartbeat_interval_ms").GetInt64());
    }

    private BotAccountStatus? Status(long selfId) => _host.Accounts.GetStatus().SingleOrDefault(a => a.SelfId == selfId);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + BotHost.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(10);
        }
    }
}
