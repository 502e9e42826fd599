using System.Net;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

/// <summary>Unusual or wrong input over real sockets: what is taken, what is refused, and that a good event after it is answered.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = BotHost.Timeout;
    private BotHost _host = null!;
    private IDisposable _echo = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(["--no-rate-limit"]);
        _echo = _host.App.Use(async (session, next) => session.Content.StartsWith("echo ", StringComparison.Ordinal) ? session.Content[5..] : await next());
    }

    public async Task DisposeAsync()
    {
        _echo.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Post_LoneSurrogateInMessage_IsAnsweredWithReplacementCharacter()
    {
        using var poster = new FakeOneBotPoster(_host.BaseUrl, TestEvents.SelfId);

        var result = await poster.PostAsync(GroupMessage(123, "echo a\\ud83d"));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("a\uFFFD", TextOf.Message(result.Operation!.Value.GetProperty("reply")));
    }

    [Fact]
    public async Task Frame_LoneSurrogateInMessageSegments_IsAnsweredWithReplacementCharacter()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, TestEvents.SelfId);

        await client.SendEventAsync(GroupMessageWithSegments(123, "echo \\ude00b\\ud83d"));

        var call = await client.NextCallAsync(Timeout);
        Assert.Equal(123, call.GetInt64("group_id"));
        Assert.Equal("\uFFFDb\uFFFD", call.MessageText);
    }

    [Fact]
    public async Task Post_GroupIdNotANumber_Is400NamingTheField_AndTheNextEventIsAnswered()
    {
        using var poster = new FakeOneBotPoster(_host.BaseUrl, TestEvents.SelfId);

        var refused = await poster.PostAsync(GroupWithId("\"abc\"", "echo bad"));
        var answered = await poster.PostAsync(GroupWithId("123", "echo good"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"group_id\"", refused.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("good", TextOf.Message(answered.Operation!.Value.GetProperty("reply")));
    }

    [Fact]
    public async Task Frame_GroupIdArray_IsSkipped_AndTheNextEventIsAnswered()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, TestEvents.SelfId);

        await client.SendEventAsync(GroupWithId("[100]", "echo bad"));

        // Group 0 is the chat the bad event was read into before: events of one chat are handled in
        // order, so had it been taken, its answer would come first.
        await client.SendEventAsync(GroupWithId("0", "echo good"));

        Assert.Equal("good", (await client.NextCallAsync(Timeout)).MessageText);
    }

    /// <summary>A group message with <paramref name="groupId"/> as its JSON value.</summary>
    private static string GroupWithId(string groupId, string text) =>
        $$$"""{"time":1,"self_id":{{{TestEvents.SelfId}}},"post_type":"message","message_type":"group","sub_type":"normal","message_id":7,"group_id":{{{groupId}}},"user_id":42,"message":"{{{text}}}","raw_message":"{{{text}}}","font":0,"sender":{"user_id":42}}""";

    /// <summary>A group message whose text is given as JSON string content, escapes and all.</summary>
    private static string GroupMessage(long groupId, string escaped) =>
        $$$"""{"time":1,"self_id":{{{TestEvents.SelfId}}},"post_type":"message","message_type":"group","sub_type":"normal","message_id":7,"group_id":{{{groupId}}},"user_id":42,"message":"{{{escaped}}}","raw_message":"{{{escaped}}}","font":0,"sender":{"user_id":42}}""";

    private static string GroupMessageWithSegments(long groupId, string escaped) =>
        $$$"""{"time":1,"self_id":{{{TestEvents.SelfId}}},"post_type":"message","message_type":"group","sub_type":"normal","message_id":7,"group_id":{{{groupId}}},"user_id":42,"message":[{"type":"text","data":{"text":"{{{escaped}}}"}}],"raw_message":"{{{escaped}}}","font":0,"sender":{"user_id":42}}""";
}
