using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using CqBot.Hosting;
using CqBot.Hosting.Configuration;
using CqBot.Hosting.Pipeline;
using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CqBot.Tests.Hosting;

/// <summary>The events held per chat and in total are bounded; over a limit the oldest waiting ones are dropped.</summary>
public sealed partial class ChatQueueLimitTests
{
    private const int PerChat = 5;
    private const long FloodGroup = 100;
    private readonly RecordingLogger<EventPipeline> _log = new();

    [Fact]
    public async Task Flood_InOneGroupWhileItsHandlerIsBusy_OtherGroupIsAnsweredAndAtMostTheLimitIsHandledLater()
    {
        const long selfId = 9601;
        const int flood = 300;
        await using var host = await StartAsync();
        var (held, release, handled) = (new TaskCompletionSource(), new TaskCompletionSource(), new ConcurrentQueue<string>());
        using var middleware = UseHold(host, held, release, handled);
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, selfId);

        await HoldThenFloodAsync(client, selfId, held, flood);
        // Sent after the flood on the same socket, so it is taken after every flood event.
        await client.SendEventAsync(FakeEvents.GroupMessage(selfId, 200, 43, "other"));
        var call = await client.NextCallAsync(BotHost.Timeout);
        await client.RespondOkAsync(call);

        Assert.Equal(200, call.GetInt64("group_id"));
        Assert.Equal("answered", call.MessageText);
        Assert.False(release.Task.IsCompleted);
        Assert.Empty(handled);

        release.SetResult();
        await client.SendEventAsync(FakeEvents.GroupMessage(selfId, FloodGroup, 42, "last"));
        await WaitUntilAsync(() => handled.Contains("last"));
        await WaitUntilAsync(() => DroppedInLog() + handled.Count == flood + 1);

        Assert.InRange(handled.Count(text => text.StartsWith("flood", StringComparison.Ordinal)), 1, PerChat);
        Assert.Contains($"flood {flood - 1}", handled);
        Assert.DoesNotContain("flood 0", handled);
        // One line per interval per chat with the count, not one per dropped event.
        Assert.InRange(DropLines().Count(), 1, 3);
        Assert.All(DropLines(), entry => Assert.Null(entry.Exception));
    }

    [Fact]
    public async Task Flood_OfLargeEvents_IsBoundedByBytesWhereTheCountAllowsMore()
    {
        const long selfId = 9605;
        const int flood = 40;
        // Room for 100 waiting events by count, but for only about ten of these by bytes.
        await using var host = await StartAsync(perChat: 100, maxPendingBytes: 100 * 1024);
        var (held, release, handled) = (new TaskCompletionSource(), new TaskCompletionSource(), new ConcurrentQueue<string>());
        using var middleware = UseHold(host, held, release, handled);
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, selfId);

        await HoldThenFloodAsync(client, selfId, held, flood, padding: new string('x', 8 * 1024));
        // Answered only once the socket has taken every flood event before it.
        await client.SendEventAsync(FakeEvents.GroupMessage(selfId, 200, 43, "other"));
        await client.RespondOkAsync(await client.NextCallAsync(BotHost.Timeout));
        release.SetResult();
        await client.SendEventAsync(FakeEvents.GroupMessage(selfId, FloodGroup, 42, "last"));
        await WaitUntilAsync(() => handled.Contains("last"));

        var floods = handled.Count(text => text.StartsWith("flood", StringComparison.Ordinal));
        Assert.InRange(floods, 1, 12);
        Assert.Contains(handled, text => text.StartsWith($"flood {flood - 1} ", StringComparison.Ordinal));
        Assert.Equal(0, host.App.Services.GetRequiredService<EventPipeline>().PendingBytes);
    }

    [Fact]
    public async Task Post_ChatQueueFull_DroppedEventsAreAnsweredWith204WhileTheChatIsStillBusy()
    {
        const long selfId = 9602;
        const int posts = PerChat + 3;
        await using var host = await StartAsync();
        var release = new TaskCompletionSource();
        var held = new TaskCompletionSource();
        using var middleware = host.App.Use(async (session, next) =>
        {
            if (session.Content == "hold")
            {
                held.TrySetResult();
                await release.Task;
            }
            return "done";
        });
        using var poster = new FakeOneBotPoster(host.BaseUrl, selfId);
        var holding = poster.PostAsync(FakeEvents.GroupMessage(selfId, FloodGroup, 42, "hold"));
        await held.Task.WaitAsync(BotHost.Timeout);

        var queued = Enumerable.Range(0, posts).Select(i => poster.PostAsync(FakeEvents.GroupMessage(selfId, FloodGroup, 42, $"queued {i}"))).ToList();
        await WaitUntilAsync(() => queued.Count(post => post.IsCompleted) == posts - PerChat);

        Assert.All(queued.Where(post => post.IsCompleted), post => Assert.Equal(HttpStatusCode.NoContent, post.Result.StatusCode));
        Assert.False(holding.IsCompleted);
        release.SetResult();
        var answered = await Task.WhenAll(queued).WaitAsync(BotHost.Timeout);
        Assert.Equal(PerChat, answered.Count(result => result.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Post_OverTheTotalLimit_NewEventOfAnIdleChatIsAnsweredWith204()
    {
        const long selfId = 9603;
        await using var host = await StartAsync(maxPending: 2);
        var release = new TaskCompletionSource();
        var held = new ConcurrentDictionary<long, bool>();
        using var middleware = host.App.Use(async (session, next) =>
        {
            if (session.Content == "hold")
            {
                held[session.GroupId ?? 0] = true;
                await release.Task;
            }
            return "done";
        });
        using var poster = new FakeOneBotPoster(host.BaseUrl, selfId);
        var holding = new[] { 1L, 2L }.Select(group => poster.PostAsync(FakeEvents.GroupMessage(selfId, group, 42, "hold"))).ToList();
        await WaitUntilAsync(() => held.Count == 2);

        var dropped = await poster.PostAsync(FakeEvents.GroupMessage(selfId, 3, 42, "hello")).WaitAsync(BotHost.Timeout);

        Assert.Equal(HttpStatusCode.NoContent, dropped.StatusCode);
        Assert.DoesNotContain(holding, post => post.IsCompleted);
        Assert.Contains(_log.Entries, entry => entry.Message.Contains("MaxPendingEvents", StringComparison.Ordinal) && entry.Exception is null);
        release.SetResult();
        await Task.WhenAll(holding).WaitAsync(BotHost.Timeout);
    }

    [Fact]
    public async Task OverTheTotalLimit_AQuietChatsEventTakesTheFloodsPlace()
    {
        const long selfId = 9606;
        await using var host = await StartAsync(maxPending: 10, perChat: 100);
        var (held, release, handled) = (new TaskCompletionSource(), new TaskCompletionSource(), new ConcurrentQueue<string>());
        using var middleware = UseHold(host, held, release, handled);
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, selfId);
        await HoldThenFloodAsync(client, selfId, held, 30);

        // Its chat is idle and the total is reached by the flood: the flood gives up its oldest event.
        await client.SendEventAsync(FakeEvents.GroupMessage(selfId, 300, 43, "quiet"));
        var call = await client.NextCallAsync(BotHost.Timeout);
        await client.RespondOkAsync(call);

        Assert.Equal(300, call.GetInt64("group_id"));
        Assert.Equal("answered", call.MessageText);
        Assert.False(release.Task.IsCompleted);
        release.SetResult();
    }

    [Fact]
    public async Task Heartbeats_WhileAMetaHandlerIsBusy_AreNeverDropped()
    {
        const long selfId = 9604;
        const int beats = PerChat * 3;
        await using var host = await StartAsync();
        var release = new TaskCompletionSource();
        var handled = 0;
        using var listener = host.App.On<HeartbeatEvent>(async (_, _) =>
        {
            if (Interlocked.Increment(ref handled) == 1)
            {
                await release.Task;
            }
            return null;
        });
        using var middleware = host.App.Use((session, next) => ValueTask.FromResult<Message?>("answered"));
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, selfId);
        for (var i = 0; i < beats; i++)
        {
            await client.SendEventAsync(FakeEvents.Heartbeat(selfId, 5000));
        }
        await WaitUntilAsync(() => Volatile.Read(ref handled) == 1);
        // A message of the same account after the heartbeats: once it is answered, every heartbeat was taken.
        await client.SendEventAsync(FakeEvents.GroupMessage(selfId, 300, 42, "hi"));
        await client.RespondOkAsync(await client.NextCallAsync(BotHost.Timeout));

        release.SetResult();
        await WaitUntilAsync(() => Volatile.Read(ref handled) == beats);
        Assert.DoesNotContain(DropLines(), _ => true);
    }

    [Fact]
    public void Settings_QueueLimits_AreReadWithDefaultsAndChecked()
    {
        var defaults = BotOptionsReader.Read(new ConfigurationBuilder().Build());
        var set = BotOptionsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CqBot:MaxQueuedEventsPerChat"] = "7",
            ["CqBot:MaxPendingEvents"] = "70",
            ["CqBot:MaxPendingBytes"] = "20000000",
        }).Build());
        var bytesError = Assert.Throws<BotConfigurationException>(() => BotOptionsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CqBot:MaxPendingBytes"] = "1000000",
        }).Build()));
        var error = Assert.Throws<BotConfigurationException>(() => BotOptionsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CqBot:MaxQueuedEventsPerChat"] = "0",
        }).Build()));

        Assert.Equal((100, 10_000), (defaults.MaxQueuedEventsPerChat, defaults.MaxPendingEvents));
        Assert.Equal((7, 70), (set.MaxQueuedEventsPerChat, set.MaxPendingEvents));
        Assert.Contains("CqBot:MaxQueuedEventsPerChat", error.Message, StringComparison.Ordinal);
        Assert.Equal((16L * 1024 * 1024, 20_000_000L), (defaults.MaxPendingBytes, set.MaxPendingBytes));
        Assert.Contains("'CqBot:MaxPendingBytes' is 1000000 bytes; it must be at least 'CqBot:MaxBodySize'", bytesError.Message, StringComparison.Ordinal);
    }

    // Other groups are answered; in the flood's group "hold" holds the chat until released, and the
    // rest is recorded as handled.
    // Holds the flood group's handler on a "hold" message, then sends it `count` messages "flood i" (with padding after).
    private static async Task HoldThenFloodAsync(FakeOneBotClient client, long selfId, TaskCompletionSource held, int count, string? padding = null)
    {
        await client.SendEventAsync(FakeEvents.GroupMessage(selfId, FloodGroup, 42, "hold"));
        await held.Task.WaitAsync(BotHost.Timeout);
        for (var i = 0; i < count; i++)
        {
            await client.SendEventAsync(FakeEvents.GroupMessage(selfId, FloodGroup, 42, padding is null ? $"flood {i}" : $"flood {i} {padding}"));
        }
    }

    private static IDisposable UseHold(BotHost host, TaskCompletionSource held, TaskCompletionSource release, ConcurrentQueue<string> handled) =>
        host.App.Use(async (session, next) =>
        {
            if (session.GroupId != FloodGroup)
            {
                return "answered";
            }
            if (session.Content == "hold")
            {
                held.TrySetResult();
                await release.Task;
                return null;
            }
            handled.Enqueue(session.Content);
            return null;
        });

    private Task<BotHost> StartAsync(int maxPending = 10_000, int perChat = PerChat, long maxPendingBytes = 32 * 1024 * 1024) => BotHost.StartAsync(["--no-rate-limit"], builder =>
    {
        builder.Services.Configure<BotOptions>(options =>
        {
            options.MaxQueuedEventsPerChat = perChat;
            options.MaxPendingEvents = maxPending;
            options.MaxBodySize = Math.Min(options.MaxBodySize, maxPendingBytes);
            options.MaxPendingBytes = maxPendingBytes;
            // Long enough that a 204 can only come from a drop.
            options.QuickOperationWindow = TimeSpan.FromMinutes(5);
        });
        builder.Services.AddSingleton<ILogger<EventPipeline>>(_log);
    });

    private IEnumerable<(LogLevel Level, string Message, Exception? Exception)> DropLines() =>
        _log.Entries.Where(entry => entry.Message.StartsWith("Dropped the ", StringComparison.Ordinal));

    private int DroppedInLog() => DropLines().Sum(entry => int.Parse(DroppedCount().Match(entry.Message).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + BotHost.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true in time.");
            await Task.Delay(10);
        }
    }

    [GeneratedRegex(@"^Dropped the (\d+) oldest")]
    private static partial Regex DroppedCount();
}
