using System.Text.Json;
using System.Text.Json.Serialization;

namespace CqBot;

/// <summary>Reads a message as a CQ-code string or a segment array; writes the array form.</summary>
public sealed class MessageJsonConverter : JsonConverter<Message>
{
    /// <inheritdoc />
    public override Message Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Message.FromCqCode(reader.GetString()!);
        }
        var segments = new List<Segment>();
        using var document = JsonDocument.ParseValue(ref reader);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var data = new List<KeyValuePair<string, string>>();
            if (item.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in d.EnumerateObject())
                {
                    data.Add(new(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()));
                }
            }
            segments.Add(new Segment(item.GetProperty("type").GetString()!, [.. data]));
        }
        return new Message(segments);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Message value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var segment in value)
        {
            writer.WriteStartObject();
            writer.WriteString("type", segment.Type);
            writer.WriteStartObject("data");
            foreach (var pair in segment.Data)
            {
                writer.WriteString(pair.Key, pair.Value);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
