using System.Text.Json;

namespace CqBot.Json;

/// <summary>
/// The complete event source: <see cref="Utf8JsonReader"/> with the lenient conversions of
/// <see cref="LenientJson"/>. It reads every valid input and reports invalid JSON with the reader's own
/// position and reason.
/// </summary>
internal ref struct ReaderEventJson : IEventJsonSource
{
    private static readonly MessageJsonConverter s_messageConverter = new();

    public Utf8JsonReader Reader;

    public ReaderEventJson(ReadOnlySpan<byte> utf8Json) => Reader = new Utf8JsonReader(utf8Json);

    public bool NextProperty(out EventField field)
    {
        if (Reader.Read() && Reader.TokenType == JsonTokenType.PropertyName)
        {
            field = EventFieldNames.Read(ref Reader);
            Reader.Read();
            return true;
        }
        field = EventField.Unknown;
        return false;
    }

    public bool EnterObject()
    {
        if (Reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }
        Reader.Skip();
        return false;
    }

    public void SkipValue() => Reader.Skip();

    // The complete reader is the fallback for unusual input; it reads everything at once.
    public bool TryDeferObject(out int start, out int length) => NotDeferred(out start, out length);

    public bool TryDeferString(out int start, out int length) => NotDeferred(out start, out length);

    public long? ReadNullableInt64() => LenientJson.ReadNullableInt64(ref Reader);

    public bool TryReadId(out long? value, out JsonTokenType kind)
    {
        kind = Reader.TokenType;
        value = LenientJson.ReadNullableInt64(ref Reader);
        return value is not null || kind == JsonTokenType.Null;
    }

    public bool? ReadNullableBoolean() => LenientJson.ReadNullableBoolean(ref Reader);

    public string? ReadString() => LenientJson.ReadString(ref Reader);

    public string? ReadName() => LenientJson.ReadName(ref Reader);

    public Sex ReadSex() => LenientJson.ReadSex(ref Reader);

    public GroupRole ReadRole() => LenientJson.ReadRole(ref Reader);

    public Message? ReadMessage() => ReadMessage(ref Reader);

    private static bool NotDeferred(out int start, out int length)
    {
        start = 0;
        length = 0;
        return false;
    }

    /// <summary>Reads the message value the reader is on, leaving the reader on its last token.</summary>
    public static Message? ReadMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.StartArray or JsonTokenType.StartObject))
        {
            // null, or a number or boolean; the factory falls back to raw_message.
            reader.Skip();
            return null;
        }

        // The message model owns both wire forms (CQ string and segment array). A message it cannot read
        // must not lose the whole event: rewind, skip the value and let the factory fall back to
        // raw_message. Copying the reader is how Utf8JsonReader supports rewinding.
        var start = reader;
        try
        {
            var message = s_messageConverter.Read(ref reader, typeof(Message), EventJsonContext.Default.Options);
            if (reader.CurrentDepth == start.CurrentDepth
                && reader.TokenType is JsonTokenType.String or JsonTokenType.EndArray or JsonTokenType.EndObject)
            {
                return message;
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
        }
        reader = start;
        reader.Skip();
        return null;
    }
}
