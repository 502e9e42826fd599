using System.Text;

namespace CqBot.Tests.Events;

/// <summary><see cref="Event.ChatGroupId"/> and <see cref="Event.ChatUserId"/> are read for every kind of event.</summary>
public sealed class EventChatTests
{
    private static Event Parse(string json) => EventParser.Parse(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"post_type":"notice","notice_type":"brand_new","group_id":"77","user_id":5}""", 77L, 5L)]
    [InlineData("""{"post_type":"request","request_type":"group","group_id":8,"user_id":9}""", 8L, 9L)]
    [InlineData("""{"post_type":"message","message_type":"private","user_id":3,"message":"hi"}""", null, 3L)]
    [InlineData("""{"post_type":"message_sent","message_type":"group","group_id":4,"user_id":6,"message":"hi"}""", 4L, 6L)]
    [InlineData("""{"post_type":"guild","group_id":1,"user_id":2}""", 1L, 2L)]
    [InlineData("""{"post_type":"meta_event","meta_event_type":"heartbeat"}""", null, null)]
    public void Parse_AnyEvent_ReadsItsGroupAndUser(string json, long? groupId, long? userId)
    {
        var evt = Parse(json);

        Assert.Equal(groupId, evt.ChatGroupId);
        Assert.Equal(userId, evt.ChatUserId);
    }
}
