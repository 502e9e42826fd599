using System.Text.Json;

namespace CqBot.Messaging;

/// <summary>Writes messages in OneBot's array format: <c>[{"type": …, "data": {…}}, …]</c>.</summary>
internal static class MessageJsonWriter
{
    public static void Write(Utf8JsonWriter writer, Message message)
    {
        writer.WriteStartArray();
        foreach (var segment in message)
        {
            WriteSegment(writer, segment);
        }

        writer.WriteEndArray();
    }

    private static void WriteSegment(Utf8JsonWriter writer, Segment segment)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, segment.Type);
        writer.WriteStartObject("data"u8);
        foreach (var (key, value) in segment.Data)
        {
            switch (value.Kind)
            {
                case SegmentValueKind.Message:
                    writer.WritePropertyName(key);
                    Write(writer, value.NestedMessage!);
                    break;
                case SegmentValueKind.Json:
                    writer.WritePropertyName(key);
                    writer.WriteRawValue(value.JsonText!, skipInputValidation: true);
                    break;
                default:
                    writer.WriteString(key, value.StringOrNull);
                    break;
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
