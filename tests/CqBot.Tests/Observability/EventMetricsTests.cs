using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CqBot.Hosting;
using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Tests.Observability;

/// <summary>A scripted run over real sockets, read back from the CqBot meter and activity source.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class EventMetricsTests
{
    private static (string, object?) T(string name, object? value) => (name, value);

    [Fact]
    public async Task ReverseWebSocket_FourCommands_CountsEventsAndEachOutcomeWithItsTags()
    {
        using var recorder = new TelemetryRecorder();
        await using var host = await BotHost.StartAsync();
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9801);
        await host.WaitForBotAsync(9801);

        var actions = new List<string>();
        foreach (var text in new[] { "add 1 2", "add x 2", "guarded", "boom" })
        {
            await client.SendEventAsync(FakeEvents.PrivateMessage(9801, 42, text));
            var call = await client.NextCallAsync(BotHost.Timeout);
            actions.Add(call.Action);
            await client.RespondOkAsync(call);
        }
        await recorder.WaitForAsync(r => r.Of("cqbot.event.duration").Count(m => Equals(m.Tag("cqbot.account"), 9801L)) == 4, "four event durations");

        var received = recorder.Of("cqbot.events.received").Where(m => Equals(m.Tag("cqbot.account"), 9801L)).ToList();
        Assert.Equal(4, received.Count);
        Assert.All(received, m =>
        {
            Assert.Equal(1, m.Value);
            Assert.Equal("{event}", m.Unit);
            Assert.True(m.HasTags(T("cqbot.account", 9801L), T("cqbot.post_type", "message"), T("cqbot.transport", "reverse_ws")));
        });
        var durations = recorder.Of("cqbot.event.duration").Where(m => Equals(m.Tag("cqbot.account"), 9801L)).ToList();
        Assert.All(durations, m =>
        {
            Assert.Equal("s", m.Unit);
            Assert.InRange(m.Value, 0, 10);
            Assert.True(m.HasTags(T("cqbot.account", 9801L), T("cqbot.post_type", "message"), T("cqbot.transport", "reverse_ws")));
        });

        var runs = recorder.Of("cqbot.command.runs");
        Assert.Equal(4, runs.Count);
        Assert.All(runs, m => Assert.Equal(1, m.Value));
        Assert.Single(runs, m => m.HasTags(T("cqbot.command", "add"), T("cqbot.command.outcome", "ok")));
        Assert.Single(runs, m => m.HasTags(T("cqbot.command", "add"), T("cqbot.command.outcome", "parse_error")));
        Assert.Single(runs, m => m.HasTags(T("cqbot.command", "guarded"), T("cqbot.command.outcome", "check_refused")));
        Assert.Single(runs, m => m.HasTags(T("cqbot.command", "boom"), T("cqbot.command.outcome", "failed")));
        var commandDurations = recorder.Of("cqbot.command.duration");
        Assert.Equal(4, commandDurations.Count);
        Assert.All(commandDurations, m => Assert.Equal("s", m.Unit));
        Assert.Equal(runs.Select(m => m.Tags.OrderBy(t => t.Key)).Select(Describe).Order(), commandDurations.Select(m => m.Tags.OrderBy(t => t.Key)).Select(Describe).Order());

        // Each answer went out as one API call.
        Assert.Equal(["send_msg", "send_msg", "send_msg", "send_msg"], actions);
        var calls = recorder.Of("cqbot.api.calls");
        Assert.Equal(4, calls.Count);
        Assert.All(calls, m => Assert.True(m.HasTags(T("cqbot.api.action", "send_msg"), T("cqbot.api.outcome", "ok")), Describe(m.Tags)));
        Assert.Equal(4, recorder.Of("cqbot.api.duration").Count(m => m.HasTags(T("cqbot.api.action", "send_msg"), T("cqbot.api.outcome", "ok"))));
    }

    [Fact]
    public async Task ReverseWebSocket_Command_EventActivityIsTheParentOfTheCommandAndTheReply()
    {
        using var recorder = new TelemetryRecorder();
        await using var host = await BotHost.StartAsync();
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9802);
        await host.WaitForBotAsync(9802);

        await client.SendEventAsync(FakeEvents.GroupMessage(9802, 31, 42, "add 2 3"));
        await client.RespondOkAsync(await client.NextCallAsync(BotHost.Timeout));
        await recorder.WaitForAsync(r => r.Activities.Any(a => a.OperationName == "cqbot.event message"), "the event's activity");

        var activities = recorder.Activities;
        var @event = Assert.Single(activities, a => a.OperationName == "cqbot.event message");
        Assert.Equal(ActivityKind.Consumer, @event.Kind);
        Assert.Equal(9802L, @event.GetTagItem("cqbot.account"));
        Assert.Equal("message", @event.GetTagItem("cqbot.post_type"));
        Assert.Equal("group", @event.GetTagItem("cqbot.chat"));
        Assert.Equal("reverse_ws", @event.GetTagItem("cqbot.transport"));
        var command = Assert.Single(activities, a => a.OperationName == "cqbot.command add");
        Assert.Equal(@event.SpanId, command.ParentSpanId);
        Assert.Equal(@event.TraceId, command.TraceId);
        Assert.Equal("ok", command.GetTagItem("cqbot.command.outcome"));
        var reply = Assert.Single(activities, a => a.OperationName == "cqbot.api send_msg");
        Assert.Equal(@event.SpanId, reply.ParentSpanId);
        Assert.Equal(ActivityKind.Client, reply.Kind);
        Assert.Equal("ok", reply.GetTagItem("cqbot.api.outcome"));
        Assert.Equal(0L, reply.GetTagItem("cqbot.api.retcode"));
        // No user, group or text anywhere in the tags.
        Assert.DoesNotContain(activities.SelectMany(a => a.TagObjects), t => Equals(t.Value, 42L) || Equals(t.Value, 31L) || (t.Value as string)?.Contains("add 2 3", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ApiCalls_FailedUnknownAndUnavailable_AreTaggedWithTheirOutcome()
    {
        using var recorder = new TelemetryRecorder();
        await using var host = await BotHost.StartAsync();
        var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9803);
        client.Responder = call => call.Action == "get_status" ? ApiReply.Failed(100, "busy") : ApiReply.Ok("{}");
        var bot = await host.WaitForBotAsync(9803);

        await Assert.ThrowsAsync<ActionFailedException>(() => bot.GetStatusAsync());
        await bot.CallAsync("my_own_action");
        await client.DisposeAsync();
        await recorder.WaitForAsync(_ => !host.Accounts.GetStatus().Single(s => s.SelfId == 9803).Connections.Any(), "the socket to close");
        await Assert.ThrowsAsync<ApiNotAvailableException>(() => bot.GetStatusAsync());

        var calls = recorder.Of("cqbot.api.calls");
        Assert.Equal(3, calls.Count);
        Assert.True(calls[0].HasTags(T("cqbot.api.action", "get_status"), T("cqbot.api.outcome", "failed")));
        Assert.True(calls[1].HasTags(T("cqbot.api.action", "other"), T("cqbot.api.outcome", "ok")));
        Assert.True(calls[2].HasTags(T("cqbot.api.action", "get_status"), T("cqbot.api.outcome", "not_available")));
        Assert.Equal(3, recorder.Of("cqbot.api.duration").Count);
        var failed = recorder.Activities.First(a => a.OperationName == "cqbot.api get_status");
        Assert.Equal(100L, failed.GetTagItem("cqbot.api.retcode"));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("failed", failed.GetTagItem("error.type"));
    }

    [Fact]
    public async Task SendBurst_OverTheRateLimit_CountsDelayedAndRefusedAndShowsTheQueue()
    {
        using var recorder = new TelemetryRecorder();
        await using var host = await BotHost.StartAsync(configure: builder => builder.Services.Configure<BotOptions>(options =>
        {
            options.RateLimit.AccountBurst = 1;
            options.RateLimit.AccountPerSecond = 5;
            options.RateLimit.QueueLimit = 2;
        }));
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9804);
        client.Responder = _ => ApiReply.Ok("""{"message_id":1}""");
        var bot = await host.WaitForBotAsync(9804);

        await bot.SendPrivateMessageAsync(1, "one");
        var second = bot.SendPrivateMessageAsync(1, "two");
        var third = bot.SendPrivateMessageAsync(1, "three");
        await Assert.ThrowsAsync<SendQueueFullException>(() => bot.SendPrivateMessageAsync(1, "four"));
        recorder.Observe();
        await Task.WhenAll(second, third).WaitAsync(BotHost.Timeout);

        var depth = Assert.Single(recorder.Of("cqbot.send.queue_depth"), m => Equals(m.Tag("cqbot.account"), 9804L));
        Assert.Equal(2, depth.Value);
        Assert.Equal("{message}", depth.Unit);
        var delayed = recorder.Of("cqbot.send.delayed");
        Assert.Equal(2, delayed.Count);
        Assert.All(delayed, m => Assert.True(m.HasTags(T("cqbot.account", 9804L))));
        var refused = Assert.Single(recorder.Of("cqbot.send.refused"));
        Assert.True(refused.HasTags(T("cqbot.account", 9804L)));
        var calls = recorder.Of("cqbot.api.calls");
        Assert.Equal(3, calls.Count(m => m.HasTags(T("cqbot.api.action", "send_private_msg"), T("cqbot.api.outcome", "ok"))));
        Assert.Single(calls, m => m.HasTags(T("cqbot.api.action", "send_private_msg"), T("cqbot.api.outcome", "error")));
    }

    [Fact]
    public async Task Refusals_ByAuthSizeAndParse_AreCountedByTransportAndReason()
    {
        using var recorder = new TelemetryRecorder();
        await using var host = await BotHost.StartAsync(["--access-token", "s3cret", "--max-body-size", "1024"]);
        using var http = new HttpClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, host, FakeEvents.PrivateMessage(9805, 42, "hi"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(http, host, FakeEvents.PrivateMessage(9805, 42, "hi"), "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(http, host, FakeEvents.PrivateMessage(9805, 42, new string('x', 2000)), "s3cret")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, host, """{"post_type":"message","self_id":""", "s3cret")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, host, """{"time":1}""", "s3cret")).StatusCode);
        await using (var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9805, new FakeClientOptions { AccessToken = "s3cret" }))
        {
            await client.SendEventAsync("""{"post_type":"message","self_id":""");
            await recorder.WaitForAsync(r => r.Of("cqbot.events.refused").Count == 6, "six refusals");
        }

        var refused = recorder.Of("cqbot.events.refused");
        Assert.All(refused, m => Assert.Equal(1, m.Value));
        Assert.Equal(
            new[]
            {
                "error.type=unauthorized,cqbot.transport=http_post",
                "error.type=forbidden,cqbot.transport=http_post",
                "error.type=too_large,cqbot.transport=http_post",
                "error.type=parse_error,cqbot.transport=http_post",
                "error.type=not_an_event,cqbot.transport=http_post",
                "error.type=parse_error,cqbot.transport=reverse_ws",
            },
            refused.Select(m => $"error.type={m.Tag("error.type")},cqbot.transport={m.Tag("cqbot.transport")}"));
        Assert.All(refused, m => Assert.Equal(2, m.Tags.Count));
        Assert.Empty(recorder.Of("cqbot.events.received"));
    }

    [Fact]
    public async Task Gauges_OneUniversalSocket_ReportTheConnectionAndTheAccount()
    {
        using var recorder = new TelemetryRecorder();
        await using var host = await BotHost.StartAsync();
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9806);
        await host.WaitForBotAsync(9806);

        recorder.Observe();

        Assert.Equal(1, Assert.Single(recorder.Of("cqbot.accounts.connected")).Value);
        var connections = recorder.Of("cqbot.connections");
        Assert.Equal(6, connections.Count);
        Assert.Equal(1, Assert.Single(connections, m => m.HasTags(T("cqbot.connection.role", "universal"), T("cqbot.connection.origin", "reverse"))).Value);
        Assert.Equal(0, connections.Where(m => !m.HasTags(T("cqbot.connection.role", "universal"), T("cqbot.connection.origin", "reverse"))).Sum(m => m.Value));
        Assert.Equal(0, Assert.Single(recorder.Of("cqbot.events.backlog")).Value);
        Assert.Equal(0, Assert.Single(recorder.Of("cqbot.conversations.waiting")).Value);
        Assert.DoesNotContain(recorder.Of("cqbot.send.queue_depth"), m => !Equals(m.Tag("cqbot.account"), 9806L));
    }

    [Fact]
    public async Task HttpPost_Event_IsCountedWithItsTransport()
    {
        using var recorder = new TelemetryRecorder();
        await using var host = await BotHost.StartAsync();
        using var poster = new FakeOneBotPoster(host.BaseUrl, 9807);

        var result = await poster.PostAsync(FakeEvents.PrivateMessage(9807, 42, "add 1 1"));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        await recorder.WaitForAsync(r => r.Of("cqbot.event.duration").Count == 1, "the event's duration");
        Assert.True(Assert.Single(recorder.Of("cqbot.events.received")).HasTags(T("cqbot.account", 9807L), T("cqbot.post_type", "message"), T("cqbot.transport", "http_post")));
        Assert.True(Assert.Single(recorder.Of("cqbot.event.duration")).HasTags(T("cqbot.account", 9807L), T("cqbot.post_type", "message"), T("cqbot.transport", "http_post")));
        Assert.True(Assert.Single(recorder.Of("cqbot.command.runs")).HasTags(T("cqbot.command", "add"), T("cqbot.command.outcome", "ok")));
        // The answer went back in the HTTP response: no API call.
        Assert.Empty(recorder.Of("cqbot.api.calls"));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, BotHost host, string json, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.BaseUrl) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Self-ID", "9805");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await http.SendAsync(request);
    }

    private static string Describe(IEnumerable<KeyValuePair<string, object?>> tags) => string.Join(",", tags.Select(t => t.Key + "=" + t.Value));
}
