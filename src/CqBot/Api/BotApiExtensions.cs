using System.Text.Json;

using CqBot.Messaging;

namespace CqBot;

/// <summary>Sending a message where a chat is known: a group or a private chat.</summary>
public static class BotApiExtensions
{
    /// <summary>Sends a private message (<c>send_msg</c>); returns its message id.</summary>
    public static async ValueTask<long> SendPrivateMsgAsync(this IBot bot, long userId, Message message, CancellationToken cancellationToken = default) =>
        await bot.CallAsync(new ChatMessageRequest(null, userId, message), cancellationToken).ConfigureAwait(false);

    /// <summary>Sends a group message (<c>send_msg</c>); returns its message id.</summary>
    public static async ValueTask<long> SendGroupMsgAsync(this IBot bot, long groupId, Message message, CancellationToken cancellationToken = default) =>
        await bot.CallAsync(new ChatMessageRequest(groupId, null, message), cancellationToken).ConfigureAwait(false);
}

/// <summary><c>send_msg</c> to a group or a private chat, written straight from the message's segments.</summary>
internal sealed class ChatMessageRequest(long? groupId, long? userId, Message message) : ApiRequest<long>("send_msg")
{
    public override bool SendsMessage => true;

    public override long? TargetGroupId => groupId;

    public override void WriteParameters(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (groupId is { } group)
        {
            writer.WriteString("message_type"u8, "group"u8);
            writer.WriteNumber("group_id"u8, group);
        }
        else
        {
            writer.WriteString("message_type"u8, "private"u8);
            writer.WriteNumber("user_id"u8, userId.GetValueOrDefault());
        }
        writer.WritePropertyName("message"u8);
        MessageJsonWriter.Write(writer, message);
        writer.WriteEndObject();
    }

    // Implementations send the id as a number or a string; a missing one is not worth failing a reply for.
    public override long ReadResult(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("message_id"u8, out var id)
            ? id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var number) ? number
              : id.ValueKind == JsonValueKind.String && long.TryParse(id.GetString(), System.Globalization.CultureInfo.InvariantCulture, out number) ? number : 0
            : 0;
}
