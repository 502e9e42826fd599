using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Tests.Sessions;

public sealed class SessionContentTests
{
    private static readonly Bot Bot = new(TestEvents.SelfId, new RecordingTransport());

    private static readonly IServiceProvider Services = new ServiceCollection().BuildServiceProvider();

    private static Session GroupSession(string cqCode) =>
        new(TestEvents.GroupMessage(123456, 42, cqCode), Bot, Services);

    [Fact]
    public void Content_MessageWithMention_KeepsTheMentionAsCqCode() =>
        Assert.Equal("ban [CQ:at,qq=1] 10m", GroupSession("ban [CQ:at,qq=1] 10m").Content);

    [Fact]
    public void Content_TextWithCqSpecialCharacters_IsEscapedAsInCqCode() =>
        Assert.Equal("a&amp;b &#91;x&#93;", GroupSession("a&amp;b &#91;x&#93;").Content);

    [Fact]
    public void PlainText_MessageWithMention_LeavesTheMentionOut() =>
        Assert.Equal("ban  10m", GroupSession("ban [CQ:at,qq=1] 10m").PlainText);

    [Fact]
    public void PlainText_TextWithCqSpecialCharacters_IsUnescaped() =>
        Assert.Equal("a&b [x]", GroupSession("a&amp;b &#91;x&#93;").PlainText);

    [Fact]
    public void ContentAndPlainText_EventThatIsNoMessage_AreEmpty()
    {
        var session = new Session(new HeartbeatEvent(), Bot, Services);
        Assert.Equal(("", ""), (session.Content, session.PlainText));
    }
}
