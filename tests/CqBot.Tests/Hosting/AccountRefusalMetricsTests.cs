using System.Net;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

/// <summary>Refusals that keep accounts apart are counted by transport and reason.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class AccountRefusalMetricsTests
{
    [Fact]
    public async Task Refusals_UnknownAccountMismatchAndConflict_AreCountedByTransportAndReason()
    {
        using var recorder = new TelemetryRecorder();
        await using var host = await BotHost.StartAsync(["--no-rate-limit"], builder =>
        {
            builder.Configuration["CqBot:ConfiguredAccountsOnly"] = "true";
            builder.Configuration["CqBot:ConnectionReplacement"] = "FirstWinsWhileAlive";
            builder.Configuration["CqBot:Accounts:9901:ApiRoot"] = "http://127.0.0.1:9/";
        });
        using var unknown = new FakeOneBotPoster(host.BaseUrl, 9902);
        using var known = new FakeOneBotPoster(host.BaseUrl, 9901);

        Assert.Equal(HttpStatusCode.Forbidden, (await unknown.PostAsync(FakeEvents.PrivateMessage(9902, 42, "hi"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await known.PostAsync(FakeEvents.PrivateMessage(9903, 42, "hi"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await AccountIsolationTests.HandshakeStatusAsync(host.Universal, 9904, null));
        await using var client = await FakeOneBotClient.ConnectAsync(host.Universal, 9901);
        await host.WaitForBotAsync(9901);
        Assert.Equal(HttpStatusCode.Conflict, await AccountIsolationTests.HandshakeStatusAsync(host.Universal, 9901, null));
        await client.SendEventAsync(FakeEvents.PrivateMessage(9903, 42, "hi"));
        await recorder.WaitForAsync(r => r.Of("cqbot.events.refused").Count == 5, "five refusals");

        Assert.Equal(
            new[]
            {
                "unknown_account/http_post",
                "self_id_mismatch/http_post",
                "unknown_account/reverse_ws",
                "connection_conflict/reverse_ws",
                "self_id_mismatch/reverse_ws",
            },
            recorder.Of("cqbot.events.refused").Select(m => $"{m.Tag("error.type")}/{m.Tag("cqbot.transport")}"));
    }
}
