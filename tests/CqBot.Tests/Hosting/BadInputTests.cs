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

    /// <summary>A group message whose text is given as JSON string content, escapes and all.</summary>
    private static string GroupMessage(long groupId, string escaped) =>
        $$$"""{"time":1,"self_id":{{{TestEvents.SelfId}}},"post_type":"message","message_type":"group","sub_type":"normal","message_id":7,"group_id":{{{groupId}}},"user_id":42,"message":"{{{escaped}}}","raw_message":"{{{escaped}}}","font":0,"sender":{"user_id":42}}""";

    private static string GroupMessageWithSegments(long groupId, string escaped) =>
        $$$"""{"time":1,"self_id":{{{TestEvents.SelfId}}},"post_type":"message","message_type":"group","sub_type":"normal","message_id":7,"group_id":{{{groupId}}},"user_id":42,"message":[{"type":"text","data":{"text":"{{{escaped}}}"}}],"raw_message":"{{{escaped}}}","font":0,"sender":{"user_id":42}}""";
}
