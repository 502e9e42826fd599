using System.Text;
using System.Text.Json;

namespace CqBot.Messaging;

/// <summary>
/// Reads OneBot messages straight from a <see cref="Utf8JsonReader"/>: no <see cref="JsonDocument"/> per
/// message, well-known names without allocating, only the resulting strings and segments allocated.
/// Segments are read by <see cref="SegmentJsonReader"/>, as the event scanner reads them.
/// </summary>
internal static class MessageJsonReader
{
    public static Message Read(ref Utf8JsonReader reader)
    {
        string? error;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return CqCodeParser.Parse(JsonText.Read(ref reader));
            case JsonTokenType.StartArray:
                var array = new ReaderSegmentJson(reader);
                if (!SegmentJsonReader.TryReadSegments(ref array, nested: false, out var message, out error))
                {
                    throw new JsonException(error);
                }

                reader = array.Reader;
                return message;
            case JsonTokenType.StartObject:
                // Some implementations accept (and a few send) a lone segment where a message is expected.
                var lone = new ReaderSegmentJson(reader);
                if (!SegmentJsonReader.TryReadSegment(ref lone, nested: false, out var segment, out error))
                {
                    throw new JsonException(error);
                }

                reader = lone.Reader;
                return Message.FromOwnedArray([segment]);
            case JsonTokenType.Null:
                return Message.Empty;
            default:
                throw new JsonException($"A OneBot message must be a CQ-code string or an array of segments, but the JSON holds a {reader.TokenType} token.");
        }
    }

    /// <summary>Reads JSON text holding a segment array or one segment; <see langword="null"/> when it is neither.</summary>
    public static Message? TryParse(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        if (!reader.Read())
        {
            return null;
        }

        var source = new ReaderSegmentJson(reader);
        return reader.TokenType switch
        {
            JsonTokenType.StartArray => SegmentJsonReader.TryReadSegments(ref source, nested: false, out var message, out _) ? message : null,
            JsonTokenType.StartObject => SegmentJsonReader.TryReadSegment(ref source, nested: false, out var segment, out _) ? Message.FromOwnedArray([segment]) : null,
            _ => null,
        };
    }
}
