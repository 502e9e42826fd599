using System.Text.Json;
using CqBot.Hosting.Protocol;

namespace CqBot.Hosting.QuickOperations;

/// <summary>Writes quick operations: the HTTP POST response body and the <c>.handle_quick_operation</c> parameters.</summary>
internal static class QuickOperationJson
{
    private static readonly JsonSerializerOptions MessageOptions = new();
    private static readonly MessageJsonConverter MessageConverter = new();

    /// <summary>The fields of the event implementations read from a quick operation's context.</summary>
    private static readonly string[] ContextFields =
        ["time", "self_id", "post_type", "message_type", "notice_type", "request_type", "sub_type", "group_id", "user_id", "message_id", "anonymous", "flag"];

    /// <summary>Writes the operation object for <paramref name="event"/>.</summary>
    public static void WriteOperation(Utf8JsonWriter writer, QuickOperation operation, Event @event)
    {
        writer.WriteStartObject();
        if (operation.Reply is { } reply)
        {
            writer.WritePropertyName("reply"u8);
            MessageConverter.Write(writer, reply, MessageOptions);
            if (operation.AutoEscape is { } autoEscape)
            {
                writer.WriteBoolean("auto_escape"u8, autoEscape);
            }
            if (@event is GroupMessageEvent || operation.AtSender is not null)
            {
                // The spec defaults at_sender to true and go-cqhttp to false: always say it.
                writer.WriteBoolean("at_sender"u8, operation.AtSender ?? false);
            }
        }
        WriteFlag(writer, "delete"u8, operation.Delete);
        WriteFlag(writer, "kick"u8, operation.Kick);
        WriteFlag(writer, "ban"u8, operation.Ban);
        if (operation.BanDuration is { } duration)
        {
            writer.WriteNumber("ban_duration"u8, duration);
        }
        WriteFlag(writer, "approve"u8, operation.Approve);
        if (operation.Remark is { } remark)
        {
            writer.WriteString("remark"u8, remark);
        }
        if (operation.Reason is { } reason)
        {
            writer.WriteString("reason"u8, reason);
        }
        writer.WriteEndObject();
    }

    /// <summary>The HTTP POST response body.</summary>
    public static void WriteResponseBody(PooledBufferWriter output, QuickOperation operation, Event @event)
    {
        using var writer = new Utf8JsonWriter(output);
        WriteOperation(writer, operation, @event);
    }

    /// <summary>
    /// The parameters of <c>.handle_quick_operation</c>: the event as context, trimmed to the fields
    /// implementations read, and the operation.
    /// </summary>
    public static void WriteHandleQuickOperationParameters(Utf8JsonWriter writer, QuickOperation operation, Event @event)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("context"u8);
        writer.WriteStartObject();
        var raw = @event.Raw;
        if (raw.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in raw.EnumerateObject())
            {
                if (Array.IndexOf(ContextFields, property.Name) >= 0)
                {
                    property.WriteTo(writer);
                }
                else if (property.Name == "sender" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    writer.WriteStartObject("sender"u8);
                    if (property.Value.TryGetProperty("user_id"u8, out var userId))
                    {
                        writer.WritePropertyName("user_id"u8);
                        userId.WriteTo(writer);
                    }
                    writer.WriteEndObject();
                }
            }
        }
        writer.WriteEndObject();
        writer.WritePropertyName("operation"u8);
        WriteOperation(writer, operation, @event);
        writer.WriteEndObject();
    }

    private static void WriteFlag(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }
}
