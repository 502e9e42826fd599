using System.Text;
using CqBot.Json;

namespace CqBot.Tests.Events;

/// <summary>
/// An id that is not an integer refuses the event, naming the field, in both event sources: read as 0,
/// it would send a reply to group or user 0. Numbers and strings of digits (as NapCat and go-cqhttp send
/// them) are ids.
/// </summary>
public sealed class EventIdTests
{
    public static TheoryData<string, string, EventSource> BadIds()
    {
        var data = new TheoryData<string, string, EventSource>();
        string[] fields = ["self_id", "user_id", "group_id", "message_id", "operator_id", "target_id", "sender_id"];
        string[] values = ["\"abc\"", "[100]", "{\"id\":1}", "true", "\"\"", "\"12abc\"", "1e300"];
        foreach (var source in Enum.GetValues<EventSource>())
        {
            foreach (var field in fields)
            {
                foreach (var value in values)
                {
                    data.Add(field, value, source);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadIds))]
    public void GroupMessage_IdNotAnInteger_IsRefusedNamingTheField(string field, string value, EventSource source)
    {
        var json = GroupMessage(field, value);

        var exception = Assert.Throws<EventParseException>(() => Read(json, source));
        Assert.Contains($"\"{field}\"", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[100]", "an array")]
    [InlineData("\"abc\"", "a string that holds no integer")]
    [InlineData("{}", "an object")]
    [InlineData("false", "a boolean")]
    [InlineData("1e300", "a number beyond the 64-bit integer range")]
    public void EventParser_GroupIdNotAnInteger_SaysWhatItIs(string value, string what)
    {
        var exception = Assert.Throws<EventParseException>(() => EventParser.Parse(Encoding.UTF8.GetBytes(GroupMessage("group_id", value))));

        Assert.Equal($"The event's \"group_id\" is {what}; an id must be a JSON number or a string of digits.", exception.Message);
        Assert.False(EventParser.TryParse(Encoding.UTF8.GetBytes(GroupMessage("group_id", value)), out _, out var error));
        Assert.Equal(exception.Message, error);
    }

    [Theory]
    [InlineData("123", 123L)]
    [InlineData("\"123\"", 123L)]
    [InlineData("\"-5\"", -5L)]
    [InlineData("\"\\u0031\\u0032\"", 12L)]
    [InlineData("1.23e2", 123L)]
    [InlineData("null", 0L)]
    public void GroupMessage_GroupIdNumberOrStringOfDigitsOrNull_IsRead(string value, long expected)
    {
        foreach (var source in Enum.GetValues<EventSource>())
        {
            var evt = Assert.IsType<GroupMessageEvent>(Read(GroupMessage("group_id", value), source));
            Assert.Equal(expected, evt.GroupId);
        }
    }

    [Theory]
    [InlineData(EventSource.Scanner)]
    [InlineData(EventSource.Reader)]
    public void UnmodelledEvent_TextMessageId_IsKept(EventSource source)
    {
        // go-cqhttp's guild messages have text message ids; the event is not one CqBot models, and is kept.
        var evt = Assert.IsType<UnknownEvent>(Read("""
            {"time":1,"self_id":1,"post_type":"message","message_type":"guild","sub_type":"channel","guild_id":"1234","channel_id":"5678","user_id":"144115218677563300","message_id":"BAC3HLRYvXdHAAAAAAAAAAAAAAA","message":"hi"}
            """, source));

        Assert.Equal("guild", evt.DetailType);
        Assert.Equal(144115218677563300, evt.ChatUserId);
    }

    [Theory]
    [InlineData(EventSource.Scanner)]
    [InlineData(EventSource.Reader)]
    public void UnmodelledEvent_GroupIdNotAnInteger_IsRefused(EventSource source)
    {
        var exception = Assert.Throws<EventParseException>(() => Read("""
            {"time":1,"self_id":1,"post_type":"message","message_type":"guild","group_id":"abc","user_id":2,"message":"hi"}
            """, source));

        Assert.Contains("\"group_id\"", exception.Message, StringComparison.Ordinal);
    }

    private static string GroupMessage(string field, string value)
    {
        var fields = new Dictionary<string, string>
        {
            ["self_id"] = "10001",
            ["post_type"] = "\"message\"",
            ["message_type"] = "\"group\"",
            ["message_id"] = "7",
            ["group_id"] = "123",
            ["user_id"] = "42",
            ["message"] = "\"hi\"",
        };
        fields[field] = value;
        return "{" + string.Join(",", fields.Select(pair => $"\"{pair.Key}\":{pair.Value}")) + "}";
    }

    private static Event Read(string text, EventSource source) => EventSources.Read(text, source);
}
