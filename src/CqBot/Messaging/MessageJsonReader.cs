using System.Text;
using System.Text.Json;

namespace CqBot.Messaging;

/// <summary>
/// Reads OneBot messages straight from a <see cref="Utf8JsonReader"/>: no <see cref="JsonDocument"/> per
/// message, well-known names without allocating, only the resulting strings and segments allocated.
/// </summary>
/// <remarks>
/// A custom converter is always handed a reader that holds the whole value, so copying the reader to
/// look ahead, and <see cref="Utf8JsonReader.TrySkip"/>, always work here.
/// </remarks>
internal static class MessageJsonReader
{
    private const string NotASegment = "A message segment must be a JSON object such as {\"type\":\"text\",\"data\":{\"text\":\"hi\"}}.";
    private const string MissingType = "A message segment has no \"type\"; every segment needs a string type.";
    private const string TypeNotString = "A message segment's \"type\" must be a string.";
    private const string DataNotObject = "A message segment's \"data\" must be an object or null.";
    private const string UnexpectedProperty = "A nested message segment may only have \"type\" and \"data\".";
    private const string Truncated = "The JSON ended inside a message.";

    public static Message Read(ref Utf8JsonReader reader)
    {
        string? error;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return CqCodeParser.Parse(JsonText.Read(ref reader));
            case JsonTokenType.StartArray:
                return TryReadSegments(ref reader, strict: false, out var message, out error) ? message : throw new JsonException(error);
            case JsonTokenType.StartObject:
                // Some implementations accept (and a few send) a lone segment where a message is expected.
                return TryReadSegment(ref reader, strict: false, out var segment, out error)
                    ? Message.FromOwnedArray([segment])
                    : throw new JsonException(error);
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

        return reader.TokenType switch
        {
            JsonTokenType.StartArray => TryReadSegments(ref reader, strict: false, out var message, out _) ? message : null,
            JsonTokenType.StartObject => TryReadSegment(ref reader, strict: false, out var segment, out _) ? Message.FromOwnedArray([segment]) : null,
            _ => null,
        };
    }

    private static bool TryReadSegments(ref Utf8JsonReader reader, bool strict, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Message? message, out string? error)
    {
        var buffer = default(InlineBuffer16<Segment>);
        var segments = new ValueListBuilder<Segment>(buffer);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    message = Message.FromOwnedArray(segments.ToArray());
                    error = null;
                    return true;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return Fail(NotASegment, out message, out error);
                }

                if (!TryReadSegment(ref reader, strict, out var segment, out error))
                {
                    message = null;
                    return false;
                }

                segments.Add(segment);
            }

            return Fail(Truncated, out message, out error);
        }
        finally
        {
            segments.Dispose();
        }
    }

    /// <summary>Reads one segment object; <paramref name="strict"/> (for arrays inside data) refuses properties other than type and data.</summary>
    private static bool TryReadSegment(ref Utf8JsonReader reader, bool strict, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Segment? segment, out string? error)
    {
        string? type = null;
        var buffer = default(InlineBuffer4<KeyValuePair<string, SegmentValue>>);
        var entries = new ValueListBuilder<KeyValuePair<string, SegmentValue>>(buffer);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    if (type is null)
                    {
                        return Fail(MissingType, out segment, out error);
                    }

                    segment = Segment.Create(type, entries.AsSpan());
                    error = null;
                    return true;
                }

                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return Fail(TypeNotString, out segment, out error);
                    }

                    type = ReadName(ref reader);
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        continue;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        return Fail(DataNotObject, out segment, out error);
                    }

                    // The data pairs are read here rather than in a helper: a helper taking both the reader and
                    // this stack-backed list by ref is rejected by the compiler's ref-safety rules.
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var key = ReadName(ref reader);
                        reader.Read();
                        if (!TryReadDataValue(ref reader, out var value))
                        {
                            // JSON null: treated as absent, as nonebot skips None when writing CQ code.
                            continue;
                        }

                        var existing = Segment.IndexOfKey(entries.AsSpan(), key);
                        if (existing >= 0)
                        {
                            entries[existing] = new KeyValuePair<string, SegmentValue>(entries[existing].Key, value);
                        }
                        else
                        {
                            entries.Add(new KeyValuePair<string, SegmentValue>(key, value));
                        }
                    }
                }
                else if (strict)
                {
                    return Fail(UnexpectedProperty, out segment, out error);
                }
                else
                {
                    reader.Read();
                    if (!reader.TrySkip())
                    {
                        return Fail(Truncated, out segment, out error);
                    }
                }
            }

            return Fail(Truncated, out segment, out error);
        }
        finally
        {
            entries.Dispose();
        }
    }

    /// <summary>Reads the data value at the reader; returns <see langword="false"/> for JSON null.</summary>
    private static bool TryReadDataValue(ref Utf8JsonReader reader, out SegmentValue value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = SegmentValue.FromString(JsonText.Read(ref reader));
                return true;
            case JsonTokenType.Number:
                // Kept as written ("1.50" stays "1.50"); numbers are never escaped in JSON.
                value = SegmentValue.FromString(reader.HasValueSequence
                    ? Encoding.UTF8.GetString(reader.ValueSequence)
                    : Encoding.UTF8.GetString(reader.ValueSpan));
                return true;
            case JsonTokenType.True:
                value = SegmentValue.FromString("true");
                return true;
            case JsonTokenType.False:
                value = SegmentValue.FromString("false");
                return true;
            case JsonTokenType.Null:
                value = default;
                return false;
            case JsonTokenType.StartArray:
                // A forward node's content: a nested message. Anything else is kept as raw JSON.
                var checkpoint = reader;
                if (TryReadSegments(ref reader, strict: true, out var nested, out _))
                {
                    value = new SegmentValue(nested);
                    return true;
                }

                reader = checkpoint;
                value = SegmentValue.FromValidJson(ReadRawJson(ref reader));
                return true;
            default:
                value = SegmentValue.FromValidJson(ReadRawJson(ref reader));
                return true;
        }
    }

    private static string ReadRawJson(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    private static string ReadName(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && WellKnownNames.Find(reader.ValueSpan) is { } known)
        {
            return known;
        }

        return JsonText.Read(ref reader);
    }

    private static bool Fail<T>(string message, out T? result, out string? error)
        where T : class
    {
        result = null;
        error = message;
        return false;
    }
}
