using System.Text;

namespace CqBot.Tests.Support;

internal static class TestEvents
{
    public const long SelfId = 10001000;

    // The message is sent in string (CQ-code) form, so tests can include CQ codes such as @-mentions.
    public static string GroupMessageJson(long groupId, long userId, string text) =>
        $$$"""{"time":1715760100,"self_id":{{{SelfId}}},"post_type":"message","message_type":"group","sub_type":"normal","message_id":7,"group_id":{{{groupId}}},"user_id":{{{userId}}},"anonymous":null,"message":{{{System.Text.Json.JsonSerializer.Serialize(text, TestJson.Default.String)}}},"raw_message":{{{System.Text.Json.JsonSerializer.Serialize(text, TestJson.Default.String)}}},"font":0,"sender":{"user_id":{{{userId}}},"nickname":"tester"}}""";

    public static string PrivateMessageJson(long userId, string text) =>
        $$$"""{"time":1715760100,"self_id":{{{SelfId}}},"post_type":"message","message_type":"private","sub_type":"friend","message_id":8,"user_id":{{{userId}}},"message":{{{System.Text.Json.JsonSerializer.Serialize(text, TestJson.Default.String)}}},"raw_message":{{{System.Text.Json.JsonSerializer.Serialize(text, TestJson.Default.String)}}},"font":0,"sender":{"user_id":{{{userId}}},"nickname":"tester"}}""";

    public static Event GroupMessage(long groupId, long userId, string text) => EventParser.Parse(Encoding.UTF8.GetBytes(GroupMessageJson(groupId, userId, text)));

    public static Event PrivateMessage(long userId, string text) => EventParser.Parse(Encoding.UTF8.GetBytes(PrivateMessageJson(userId, text)));
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class TestJson : System.Text.Json.Serialization.JsonSerializerContext;
