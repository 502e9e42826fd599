using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CqBot.Testing;

/// <summary>JSON helpers of the fake implementation.</summary>
internal static class FakeJson
{
    public static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>The response envelope for <paramref name="reply"/>, with the call's echo.</summary>
    public static byte[] Envelope(ApiReply reply, JsonElement? echo)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var ok = reply.Kind == ApiReplyKind.Ok;
            writer.WriteString("status"u8, ok ? "ok" : "failed");
            writer.WriteNumber("retcode"u8, ok ? 0 : reply.RetCode);
            writer.WritePropertyName("data"u8);
            writer.WriteRawValue(ok ? reply.DataJson : "null", skipInputValidation: false);
            if (!ok)
            {
                writer.WriteString("message"u8, reply.Wording ?? "");
                if (reply.Wording is not null)
                {
                    writer.WriteString("wording"u8, reply.Wording);
                }
            }
            if (echo is { } value)
            {
                writer.WritePropertyName("echo"u8);
                value.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The text of a message: a CQ string as is, or the text segments of an array.</summary>
    public static string TextOf(JsonElement message)
    {
        if (message.ValueKind == JsonValueKind.String)
        {
            return message.GetString()!;
        }
        if (message.ValueKind != JsonValueKind.Array)
        {
            return "";
        }
        var text = new StringBuilder();
        foreach (var segment in message.EnumerateArray())
        {
            if (segment.TryGetProperty("type", out var type) && type.ValueEquals("text") && segment.TryGetProperty("data", out var data)
                && data.TryGetProperty("text", out var value))
            {
                text.Append(value.GetString());
            }
        }
        return text.ToString();
    }
}
