using System.Text;
using CqBot.Hosting.Pipeline;
using CqBot.Hosting.Protocol;

namespace CqBot.Tests.Hosting;

public sealed class EventChannelTests
{
    private static Event Parse(string file) =>
        EventParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "events", file)));

    [Fact]
    public void ChannelOf_GroupNotice_IsItsGroup() =>
        Assert.Equal(new ChannelKey(10001000, ChannelKind.Group, 123456789), EventFacts.ChannelOf(Parse("notice_group_increase.json")));

    [Fact]
    public void ChannelOf_FriendRequest_IsThePrivateChatOfItsUser()
    {
        var request = Parse("request_friend.json");
        Assert.Equal(new ChannelKey(request.SelfId, ChannelKind.Private, ((FriendRequest)request).UserId), EventFacts.ChannelOf(request));
    }

    [Fact]
    public void ChannelOf_Heartbeat_IsTheAccount() =>
        Assert.Equal(ChannelKind.Account, EventFacts.ChannelOf(Parse("meta_heartbeat.json")).Kind);

    [Fact]
    public void MetaEventFacts_Lifecycle_ReadFromTheTypedEvent()
    {
        var lifecycle = Parse("meta_lifecycle_connect.json");
        Assert.Equal("lifecycle", EventFacts.MetaEventType(lifecycle));
        Assert.Equal("connect", EventFacts.SubType(lifecycle));
    }

    [Fact]
    public void ChannelOf_UnknownNoticeWithGroup_UsesItsGroupId()
    {
        var notice = EventParser.Parse(Encoding.UTF8.GetBytes("""{"time":1,"self_id":1,"post_type":"notice","notice_type":"brand_new","group_id":"77","user_id":5}"""));
        Assert.Equal(new ChannelKey(1, ChannelKind.Group, 77), EventFacts.ChannelOf(notice));
    }
}
