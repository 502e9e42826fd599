using System.Text.Json;
using CqBot.Hosting.Protocol;

namespace CqBot.Hosting.QuickOperations;

/// <summary>Writes quick operations: the HTTP POST response body and the <c>.handle_quick_operation</c> parameters.</summary>
internal static class QuickOperationJson
{
    /// <summary>The fields of the event implementations read from a quick operation's context.</summary>
    private static readonly byte[][] ContextFields =
    [
        "time"u8.ToArray(), "self_id"u8.ToArray(), "post_type"u8.ToArray(), "message_type"u8.ToArray(), "notice_type"u8.ToArray(),
        "request_type"u8.ToArray(), "sub_type"u8.ToArray(), "group_id"u8.ToArray(), "user_id"u8.ToArray(), "message_id"u8.ToArray(),
        "anonymous"u8.ToArray(), "flag"u8.ToArray(),
    ];

    /// <summary>Writes the operation object for <paramref name="event"/>.</summary>
    public static void WriteOperation(Utf8JsonWriter writer, QuickOperation operation, Event @event)
    {
        writer.WriteStartObject();
        if (operation.Reply is { } reply)
        {
            writer.WritePropertyName("reply"u8);
            CqBot.Infrastructure.ApiParameterWriter.WriteMessage(writer, reply);
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
        var writer = ReusableJsonWriter.Start(output);
        WriteOperation(writer, operation, @event);
        ReusableJsonWriter.Finish(writer);
    }

    /// <summary>
    /// The parameters of <c>.handle_quick_operation</c>: the event as context, trimmed to the fields
    /// implementations read, and the operation.
    /// </summary>
    public static void WriteHandleQuickOperationParameters(Utf8JsonWriter writer, QuickOperation operation, Event @event)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("context"u8);
        WriteContext(writer, @event);
        writer.WritePropertyName("operation"u8);
        WriteOperation(writer, operation, @event);
        writer.WriteEndObject();
    }

    // The context is copied from the event's own bytes: the fields implementations read, and of the
    // sender only its user_id. No document of the event is built.
    private static void WriteContext(Utf8JsonWriter writer, Event @event)
    {
        writer.WriteStartObject();
        var utf8 = @event.RawUtf8.Span;
        if (!utf8.IsEmpty)
        {
            var reader = new Utf8JsonReader(utf8);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (IsContextField(ref reader))
                    {
                        writer.WritePropertyName(reader.ValueSpan);
                        reader.Read();
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        writer.WriteRawValue(utf8[start..((int)reader.BytesConsumed)], skipInputValidation: true);
                    }
                    else if (reader.ValueTextEquals("sender"u8))
                    {
                        reader.Read();
                        WriteSenderUserId(writer, ref reader, utf8);
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
        }
        writer.WriteEndObject();
    }

    private static bool IsContextField(ref Utf8JsonReader reader)
    {
        // Names with escapes are compared unescaped; real events have none.
        foreach (var field in ContextFields)
        {
            if (reader.ValueTextEquals(field))
            {
                return true;
            }
        }
        return false;
    }

    private static void WriteSenderUserId(Utf8JsonWriter writer, ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }
        writer.WriteStartObject("sender"u8);
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("user_id"u8))
            {
                writer.WritePropertyName("user_id"u8);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                writer.WriteRawValue(utf8[start..((int)reader.BytesConsumed)], skipInputValidation: true);
            }
            else if (reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                reader.Skip();
            }
        }
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
