using System.Text.Json;

namespace CqBot;

/// <summary>Turns an event's UTF-8 JSON into a typed event.</summary>
public static class EventParser
{
    private static readonly JsonSerializerOptions MessageOptions = new() { Converters = { new MessageJsonConverter() } };

    /// <summary>Parses one event; throws <see cref="JsonException"/> on malformed JSON.</summary>
    public static Event Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement.Clone();
        var postType = root.GetProperty("post_type").GetString() ?? "";
        if (postType == "message" && root.TryGetProperty("message_type", out var mt))
        {
            var converter = new MessageJsonConverter();
            var messageBytes = System.Text.Encoding.UTF8.GetBytes(root.GetProperty("message").GetRawText());
            var messageReader = new Utf8JsonReader(messageBytes);
            messageReader.Read();
            var message = converter.Read(ref messageReader, typeof(Message), MessageOptions);
            var sender = new MessageSender();
            if (root.TryGetProperty("sender", out var s) && s.ValueKind == JsonValueKind.Object)
            {
                sender = new MessageSender { UserId = s.TryGetProperty("user_id", out var u) ? u.GetInt64() : 0, Nickname = s.TryGetProperty("nickname", out var n) ? n.GetString() : null };
            }
            MessageEvent e = mt.GetString() == "group"
                ? new GroupMessageEvent { GroupId = root.GetProperty("group_id").GetInt64(), Message = message, Sender = sender, MessageType = "group" }
                : new PrivateMessageEvent { Message = message, Sender = sender, MessageType = "private" };
            return e switch
            {
                GroupMessageEvent g => new GroupMessageEvent
                {
                    GroupId = g.GroupId, Message = g.Message, Sender = g.Sender, MessageType = g.MessageType,
                    Time = root.GetProperty("time").GetInt64(), SelfId = root.GetProperty("self_id").GetInt64(), PostType = postType, Raw = root,
                    UserId = root.GetProperty("user_id").GetInt64(), MessageId = root.GetProperty("message_id").GetInt64(),
                },
                _ => new PrivateMessageEvent
                {
                    Message = e.Message, Sender = e.Sender, MessageType = e.MessageType,
                    Time = root.GetProperty("time").GetInt64(), SelfId = root.GetProperty("self_id").GetInt64(), PostType = postType, Raw = root,
                    UserId = root.GetProperty("user_id").GetInt64(), MessageId = root.GetProperty("message_id").GetInt64(),
                },
            };
        }
        return new UnknownEvent { PostType = postType, Raw = root, SelfId = root.TryGetProperty("self_id", out var id) ? id.GetInt64() : 0 };
    }
}
