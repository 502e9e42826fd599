using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

public sealed class HttpPostTests : IAsyncLifetime
{
    private const string Secret = "hmac-key";
    private const string Token = "tok";
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(["--secret", Secret, "--access-token", Token, "--max-body-size", "4096"]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private FakeOneBotPoster Poster(string? secret = Secret, string? token = Token) => new(_host.BaseUrl, TestEvents.SelfId, secret, token);

    [Fact]
    public async Task Post_SignedCommand_AnswersWithQuickOperationReply()
    {
        using var poster = Poster();

        var result = await poster.PostAsync(TestEvents.GroupMessageJson(1234, 42, "add 2 2"));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var operation = result.Operation!.Value;
        Assert.Equal("4", TextOf.Message(operation.GetProperty("reply")));
        Assert.False(operation.GetProperty("at_sender").GetBoolean());
    }

    [Fact]
    public async Task Post_BodyOfSeveralMegabytes_IsReadWholeAndAnswered()
    {
        await using var host = await BotHost.StartAsync(["--secret", Secret]);
        using var poster = new FakeOneBotPoster(host.BaseUrl, TestEvents.SelfId, Secret, null);

        // Past 1 MiB the body is read into native memory; the signature covers every byte of it.
        var result = await poster.PostAsync(TestEvents.GroupMessageJson(1234, 42, "add 2 2") + new string(' ', 3 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("4", TextOf.Message(result.Operation!.Value.GetProperty("reply")));
    }

    [Fact]
    public async Task Post_PrivateCommand_ReplyHasNoAtSender()
    {
        using var poster = Poster();

        var result = await poster.PostAsync(TestEvents.PrivateMessageJson(42, "add 1 2"));

        var operation = result.Operation!.Value;
        Assert.Equal("3", TextOf.Message(operation.GetProperty("reply")));
        Assert.False(operation.TryGetProperty("at_sender", out _));
    }

    [Fact]
    public async Task Post_NoHandlerAnswers_Returns204()
    {
        using var poster = Poster();

        var result = await poster.PostAsync(TestEvents.GroupMessageJson(1234, 42, "just chatting"));

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Equal("", result.Body);
    }

    [Fact]
    public async Task Post_FriendRequestListener_AnswersApproveWithRemark()
    {
        using var listener = _host.App.On("request/friend", _ => ValueTask.FromResult<QuickOperation?>(QuickOperation.Approved("小王")));
        using var poster = Poster();

        var result = await poster.PostAsync(FakeEvents.FriendRequest(TestEvents.SelfId, 42));

        var operation = result.Operation!.Value;
        Assert.True(operation.GetProperty("approve").GetBoolean());
        Assert.Equal("小王", operation.GetProperty("remark").GetString());
    }

    [Fact]
    public async Task Post_GroupRequestListener_AnswersRejectWithReason()
    {
        using var listener = _host.App.On("request/group/add", _ => ValueTask.FromResult<QuickOperation?>(QuickOperation.Rejected("答案错误")));
        using var poster = Poster();

        var result = await poster.PostAsync(FakeEvents.GroupRequest(TestEvents.SelfId, 99, 42));

        var operation = result.Operation!.Value;
        Assert.False(operation.GetProperty("approve").GetBoolean());
        Assert.Equal("答案错误", operation.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Post_MessageListener_DeleteKickBanAndReply_AllInTheBody()
    {
        using var listener = _host.App.On("message/group", _ => ValueTask.FromResult<QuickOperation?>(new QuickOperation
        {
            Reply = "请不要刷屏", AtSender = true, Delete = true, Kick = false, Ban = true, BanDuration = 600,
        }));
        using var poster = Poster();

        var operation = (await poster.PostAsync(TestEvents.GroupMessageJson(1234, 42, "spam"))).Operation!.Value;

        Assert.Equal("请不要刷屏", TextOf.Message(operation.GetProperty("reply")));
        Assert.True(operation.GetProperty("at_sender").GetBoolean());
        Assert.True(operation.GetProperty("delete").GetBoolean());
        Assert.False(operation.GetProperty("kick").GetBoolean());
        Assert.True(operation.GetProperty("ban").GetBoolean());
        Assert.Equal(600, operation.GetProperty("ban_duration").GetInt32());
    }

    [Fact]
    public async Task Post_NoSignature_Returns401()
    {
        using var poster = Poster(secret: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await poster.PostAsync(TestEvents.GroupMessageJson(1, 2, "add 1 1"))).StatusCode);
    }

    [Fact]
    public async Task Post_WrongSignature_Returns403()
    {
        using var poster = Poster(secret: "other-key");
        Assert.Equal(HttpStatusCode.Forbidden, (await poster.PostAsync(TestEvents.GroupMessageJson(1, 2, "add 1 1"))).StatusCode);
    }

    [Fact]
    public async Task Post_SignatureOfOtherBody_Returns403()
    {
        using var poster = Poster();
        var body = TestEvents.GroupMessageJson(1, 2, "add 1 1");
        using var request = Request(body);
        request.Headers.Add("X-Signature", FakeOneBotPoster.Sign(Secret, Encoding.UTF8.GetBytes(body + " ")));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        Assert.Equal(HttpStatusCode.Forbidden, (await poster.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Post_NoToken_Returns401()
    {
        using var poster = Poster(token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await poster.PostAsync(TestEvents.GroupMessageJson(1, 2, "add 1 1"))).StatusCode);
    }

    [Fact]
    public async Task Post_WrongToken_Returns403()
    {
        using var poster = Poster(token: "nope");
        Assert.Equal(HttpStatusCode.Forbidden, (await poster.PostAsync(TestEvents.GroupMessageJson(1, 2, "add 1 1"))).StatusCode);
    }

    [Fact]
    public async Task Post_TokenSchemeAndQuery_AreAccepted()
    {
        using var poster = Poster();
        var body = TestEvents.GroupMessageJson(1, 2, "add 1 1");
        using var withScheme = Request(body);
        withScheme.Headers.Add("X-Signature", FakeOneBotPoster.Sign(Secret, Encoding.UTF8.GetBytes(body)));
        withScheme.Headers.TryAddWithoutValidation("Authorization", "token " + Token);
        using var withQuery = Request(body, "?access_token=" + Token);
        withQuery.Headers.Add("X-Signature", FakeOneBotPoster.Sign(Secret, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.OK, (await poster.SendAsync(withScheme)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await poster.SendAsync(withQuery)).StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413()
    {
        using var poster = Poster();
        var result = await poster.PostAsync(TestEvents.GroupMessageJson(1, 2, new string('x', 5000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, result.StatusCode);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413()
    {
        using var poster = Poster();
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.BaseUrl)
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(TestEvents.GroupMessageJson(1, 2, new string('x', 5000))))),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await poster.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"time\":1}")]
    [InlineData("{\"post_type\":\"message\",\"time\":}")]
    public async Task Post_Malformed_Returns400(string body)
    {
        using var poster = Poster();
        Assert.Equal(HttpStatusCode.BadRequest, (await poster.PostAsync(body)).StatusCode);
    }

    [Fact]
    public async Task Post_AfterRefusedOnes_StillAnswers()
    {
        using var poster = Poster();
        await poster.PostAsync("{not json");
        await poster.PostAsync(TestEvents.GroupMessageJson(1, 2, new string('x', 5000)));

        var result = await poster.PostAsync(TestEvents.GroupMessageJson(1, 2, "add 3 4"));

        Assert.Equal("7", TextOf.Message(result.Operation!.Value.GetProperty("reply")));
    }

    private HttpRequestMessage Request(string body, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.BaseUrl, query)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Self-ID", TestEvents.SelfId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }
}
