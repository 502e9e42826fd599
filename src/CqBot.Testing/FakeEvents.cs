using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CqBot.Testing;

/// <summary>Builds the JSON of common OneBot v11 events, as implementations send them.</summary>
public static class FakeEvents
{
    /// <summary>The <c>time</c> field of every event built here.</summary>
    public const long Time = 1715760100;

    /// <summary>A group message with one text segment.</summary>
    public static string GroupMessage(long selfId, long groupId, long userId, string text, long messageId = 7) => Write(writer =>
    {
        Common(writer, selfId, "message");
        writer.WriteString("message_type", "group");
        writer.WriteString("sub_type", "normal");
        writer.WriteNumber("message_id", messageId);
        writer.WriteNumber("group_id", groupId);
        writer.WriteNumber("user_id", userId);
        writer.WriteNull("anonymous");
        TextMessage(writer, text);
        Sender(writer, userId);
    });

    /// <summary>A private message from a friend with one text segment.</summary>
    public static string PrivateMessage(long selfId, long userId, string text, long messageId = 8) => Write(writer =>
    {
        Common(writer, selfId, "message");
        writer.WriteString("message_type", "private");
        writer.WriteString("sub_type", "friend");
        writer.WriteNumber("message_id", messageId);
        writer.WriteNumber("user_id", userId);
        TextMessage(writer, text);
        Sender(writer, userId);
    });

    /// <summary>The lifecycle <c>connect</c> meta event a WebSocket sends first.</summary>
    public static string LifecycleConnect(long selfId) => Write(writer =>
    {
        Common(writer, selfId, "meta_event");
        writer.WriteString("meta_event_type", "lifecycle");
        writer.WriteString("sub_type", "connect");
    });

    /// <summary>A heartbeat announcing the next one in <paramref name="intervalMilliseconds"/>.</summary>
    public static string Heartbeat(long selfId, long intervalMilliseconds, bool online = true) => Write(writer =>
    {
        Common(writer, selfId, "meta_event");
        writer.WriteString("meta_event_type", "heartbeat");
        writer.WriteStartObject("status");
        writer.WriteBoolean("online", online);
        writer.WriteBoolean("good", online);
        writer.WriteEndObject();
        writer.WriteNumber("interval", intervalMilliseconds);
    });

    /// <summary>A friend request.</summary>
    public static string FriendRequest(long selfId, long userId, string comment = "", string flag = "flag-1") => Write(writer =>
    {
        Common(writer, selfId, "request");
        writer.WriteString("request_type", "friend");
        writer.WriteNumber("user_id", userId);
        writer.WriteString("comment", comment);
        writer.WriteString("flag", flag);
    });

    /// <summary>A request to join a group (<c>add</c>) or an invitation (<c>invite</c>).</summary>
    public static string GroupRequest(long selfId, long groupId, long userId, string subType = "add", string flag = "flag-2") => Write(writer =>
    {
        Common(writer, selfId, "request");
        writer.WriteString("request_type", "group");
        writer.WriteString("sub_type", subType);
        writer.WriteNumber("group_id", groupId);
        writer.WriteNumber("user_id", userId);
        writer.WriteString("comment", "");
        writer.WriteString("flag", flag);
    });

    /// <summary>A member joined a group.</summary>
    public static string GroupIncrease(long selfId, long groupId, long userId) => Write(writer =>
    {
        Common(writer, selfId, "notice");
        writer.WriteString("notice_type", "group_increase");
        writer.WriteString("sub_type", "approve");
        writer.WriteNumber("group_id", groupId);
        writer.WriteNumber("operator_id", 0);
        writer.WriteNumber("user_id", userId);
    });

    private static void Common(Utf8JsonWriter writer, long selfId, string postType)
    {
        writer.WriteNumber("time", Time);
        writer.WriteNumber("self_id", selfId);
        writer.WriteString("post_type", postType);
    }

    private static void TextMessage(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartArray("message");
        writer.WriteStartObject();
        writer.WriteString("type", "text");
        writer.WriteStartObject("data");
        writer.WriteString("text", text);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteString("raw_message", text);
        writer.WriteNumber("font", 0);
    }

    private static void Sender(Utf8JsonWriter writer, long userId)
    {
        writer.WriteStartObject("sender");
        writer.WriteNumber("user_id", userId);
        writer.WriteString("nickname", "tester");
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
