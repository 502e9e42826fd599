using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CqBot.Hosting;
using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CqBot.Tests.Hosting;

/// <summary>One account's connections, posts and events never act for another account.</summary>
public sealed class AccountIsolationTests : IAsyncLifetime
{
    private const string Shared = "shared-token";
    private const string Own = "own-token";
    private const long Guarded = 7101;
    private static readonly TimeSpan Timeout = BotHost.Timeout;
    private readonly RecordingLogger<BotAccounts> _log = new();
    private readonly RecordingLogger<CqBot.Hosting.Pipeline.EventIngress> _ingressLog = new();
    private readonly RecordingLogger<CqBot.Hosting.HttpPost.HttpPostEndpoint> _postLog = new();
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(["--access-token", Shared, "--no-rate-limit"], builder =>
    {
        builder.Configuration[$"CqBot:Accounts:{Guarded}:AccessToken"] = Own;
        builder.Services.AddSingleton<ILogger<BotAccounts>>(_log);
        builder.Services.AddSingleton<ILogger<CqBot.Hosting.Pipeline.EventIngress>>(_ingressLog);
        builder.Services.AddSingleton<ILogger<CqBot.Hosting.HttpPost.HttpPostEndpoint>>(_postLog);
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task WebSocketEvent_SelfIdOfAnotherAccount_IsSkipped()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 7001, new FakeClientOptions { AccessToken = Shared });
        await _host.WaitForBotAsync(7001);

        await client.SendEventAsync(FakeEvents.GroupMessage(7002, 77, 42, "add 2 3"));
        await client.SendEventAsync(FakeEvents.GroupMessage(7001, 77, 42, "add 1 1"));

        // Events of one chat are handled in order: had the first been taken, its answer would come first.
        var call = await client.NextCallAsync(Timeout);
        Assert.Equal("2", call.MessageText);
        Assert.Null(_host.Accounts.Find(7002));
        var line = Assert.Single(_ingressLog.Entries, e => e.Message.Contains("self_id 7002", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Null(line.Exception);
    }

    [Fact]
    public async Task HttpPost_SelfIdDiffersFromHeader_IsRefusedWith403()
    {
        using var poster = new FakeOneBotPoster(_host.BaseUrl, 7003, accessToken: Shared);

        var result = await poster.PostAsync(FakeEvents.GroupMessage(7004, 77, 42, "add 2 3"));

        Assert.Equal(HttpStatusCode.Forbidden, result.StatusCode);
        Assert.Null(_host.Accounts.Find(7003));
        Assert.Null(_host.Accounts.Find(7004));
        var line = Assert.Single(_postLog.Entries, e => e.Message.Contains("self_id 7004", StringComparison.Ordinal));
        Assert.Null(line.Exception);
    }

    [Fact]
    public async Task HttpPost_SelfIdMatchesHeader_IsHandled()
    {
        using var poster = new FakeOneBotPoster(_host.BaseUrl, 7005, accessToken: Shared);

        var result = await poster.PostAsync(FakeEvents.GroupMessage(7005, 77, 42, "add 2 3"));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("5", TextOf.Message(result.Operation!.Value.GetProperty("reply")));
    }

    [Fact]
    public async Task Connect_AccountWithOwnToken_SharedTokenIsRefusedWith403()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await HandshakeStatusAsync(_host.Universal, Guarded, "Bearer " + Shared));
        Assert.Null(_host.Accounts.Find(Guarded));
    }

    [Fact]
    public async Task Connect_AccountWithOwnToken_OwnTokenIsAccepted()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, Guarded, new FakeClientOptions { AccessToken = Own });

        Assert.NotNull(await _host.WaitForBotAsync(Guarded));
    }

    [Fact]
    public async Task Connect_OwnTokenOfAnotherAccount_IsRefusedWith403()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await HandshakeStatusAsync(_host.Universal, 7102, "Bearer " + Own));
    }

    [Fact]
    public async Task HttpPost_AccountWithOwnToken_SharedTokenIsRefusedWith403()
    {
        using var poster = new FakeOneBotPoster(_host.BaseUrl, Guarded, accessToken: Shared);

        var result = await poster.PostAsync(FakeEvents.GroupMessage(Guarded, 77, 42, "add 2 3"));

        Assert.Equal(HttpStatusCode.Forbidden, result.StatusCode);
    }

    [Fact]
    public async Task HttpPost_AccountWithOwnToken_OwnTokenIsAccepted()
    {
        using var poster = new FakeOneBotPoster(_host.BaseUrl, Guarded, accessToken: Own);

        var result = await poster.PostAsync(FakeEvents.GroupMessage(Guarded, 77, 42, "add 2 3"));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
    }

    [Fact]
    public async Task HttpPost_WithoutSelfIdHeader_SharedTokenForAccountWithOwnToken_IsRefusedWith403()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.BaseUrl)
        {
            Content = new StringContent(FakeEvents.GroupMessage(Guarded, 77, 42, "add 2 3"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Shared);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(_host.Accounts.Find(Guarded));
    }

    [Fact]
    public async Task HttpPost_WithoutSelfIdHeader_OwnTokenForAnotherAccount_IsRefusedWith403()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.BaseUrl)
        {
            Content = new StringContent(FakeEvents.GroupMessage(7103, 77, 42, "add 2 3"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Own);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(_host.Accounts.Find(7103));
    }

    [Fact]
    public async Task Reconnect_SameAccountAndRole_LogsWarningWithBothRemotes()
    {
        await using var old = await FakeOneBotClient.ConnectAsync(_host.Universal, 7201, new FakeClientOptions { AccessToken = Shared });
        await _host.WaitForBotAsync(7201);
        await using var fresh = await FakeOneBotClient.ConnectAsync(_host.Universal, 7201, new FakeClientOptions { AccessToken = Shared });
        await old.Closed.WaitAsync(Timeout);
        await WaitUntilAsync(() => _log.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("Bot 7201", StringComparison.Ordinal)));

        var warning = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Bot 7201", StringComparison.Ordinal));
        Assert.Contains("replaced", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(warning.Message, @"127\.0\.0\.1:\d+").Count);
        Assert.Null(warning.Exception);
    }

    [Fact]
    public async Task Connect_UniversalBesideOpenApiSocket_LogsWarningThatItTakesTheApiCalls()
    {
        using var api = await ConnectRawAsync(_host.Api, 7202, Shared);
        await _host.WaitForBotAsync(7202);
        await using var universal = await FakeOneBotClient.ConnectAsync(_host.Universal, 7202, new FakeClientOptions { AccessToken = Shared });
        await WaitUntilAsync(() => _log.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("Bot 7202", StringComparison.Ordinal)));

        var warning = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Bot 7202", StringComparison.Ordinal));
        Assert.Contains("API calls", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(warning.Message, @"127\.0\.0\.1:\d+").Count);
    }

    [Fact]
    public async Task Healthz_WithoutToken_AnswersStatusOnly()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 7301, new FakeClientOptions { AccessToken = Shared });
        await _host.WaitForBotAsync(7301);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(_host.BaseUrl, "healthz"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", body);
    }

    [Fact]
    public async Task Healthz_WithToken_ListsAccounts()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 7302, new FakeClientOptions { AccessToken = Shared });
        await _host.WaitForBotAsync(7302);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Shared);

        var health = await http.GetFromJsonAsync<JsonElement>(new Uri(_host.BaseUrl, "healthz"));

        Assert.Equal("ok", health.GetProperty("status").GetString());
        var account = health.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("self_id").GetInt64() == 7302);
        Assert.Equal(["reverse/universal"], account.GetProperty("connections").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Healthz_WrongToken_AnswersStatusOnly()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "nope");

        var health = await http.GetFromJsonAsync<JsonElement>(new Uri(_host.BaseUrl, "healthz"));

        Assert.False(health.TryGetProperty("accounts", out _));
    }

    internal static async Task<HttpStatusCode> HandshakeStatusAsync(Uri url, long selfId, string? authorization, string? role = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("X-Self-ID", selfId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (role is not null)
        {
            socket.Options.SetRequestHeader("X-Client-Role", role);
        }
        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization);
        }
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, CancellationToken.None));
        return socket.HttpStatusCode;
    }

    /// <summary>A bare reverse WebSocket (the role comes from the path), for roles FakeOneBotClient does not open alone.</summary>
    internal static async Task<ClientWebSocket> ConnectRawAsync(Uri url, long selfId, string? token)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Self-ID", selfId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (token is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        }
        await socket.ConnectAsync(url, CancellationToken.None);
        return socket;
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(10);
        }
    }
}
