using System.Text;
using System.Text.Json;
using CqBot.Events;
using CqBot.Messaging;

namespace CqBot.Json;

/// <summary>
/// The fast event source: scans the UTF-8 bytes directly, checking the JSON grammar as it goes, and
/// converts the shapes real events are made of (unescaped strings, integers, literals, segment arrays
/// whose data holds strings and numbers) without a tokenizer in between.
/// </summary>
/// <remarks>
/// <para>
/// Escaped strings are decoded by <see cref="JsonText.DecodeEscaped"/>, as the complete reader decodes
/// them. A single value of another shape (a floating-point id, a message the segment reader leaves to the
/// complete reader) is handed to <see cref="Utf8JsonReader"/> over just that value's bytes, with the same
/// conversion <see cref="ReaderEventJson"/> uses, so the result is the same. Values nobody
/// reads are passed over with the same grammar checks; the sender object and the raw message text are
/// passed over that way and read from the event's bytes on first use.
/// </para>
/// <para>
/// Anything else ends the scan as failed: invalid JSON, an escaped property name, a control character in
/// a string, nesting deeper than <see cref="Utf8JsonReader"/> allows. <see cref="TryRead"/> then returns
/// <see langword="false"/> and the caller reads the event with <see cref="ReaderEventJson"/>, which accepts
/// or rejects it with its own message.
/// </para>
/// <para>
/// Three files, one concern each: this one is the event source that <see cref="EventJsonReader"/> reads
/// through <see cref="IEventJsonSource"/>; <c>ScannedEventJson.Grammar.cs</c> is the scanner itself
/// (whitespace, strings, numbers, literals, passing over values); <c>ScannedEventJson.Segments.cs</c> is
/// the source that <see cref="SegmentJsonReader"/> reads a message's segments from.
/// </para>
/// </remarks>
internal ref partial struct ScannedEventJson : IEventJsonSource
{
    private readonly ReadOnlySpan<byte> _json;
    private int _pos;
    private int _depth;
    private bool _failed;

    // The value the last Scan passed over: its kind, where it starts, and whether a string has escapes.
    private JsonTokenType _kind;
    private int _start;
    private bool _escaped;

    // Whether the event-level object being read is before its first property.
    private bool _first;

    // The name of the property a segment or its data is on.
    private ReadOnlySpan<byte> _propertyName;

    private ScannedEventJson(ReadOnlySpan<byte> utf8Json) => _json = utf8Json;

    /// <summary>Reads the event object's fields; <see langword="false"/> when the complete reader must read it instead.</summary>
    /// <param name="utf8Json">The event's JSON, without a byte order mark.</param>
    /// <param name="fields">Filled in; may be partly filled when this returns <see langword="false"/>.</param>
    /// <param name="start">Where the object starts.</param>
    /// <param name="end">Where the object ends (exclusive).</param>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, ref EventFields fields, out int start, out int end)
    {
        var json = new ScannedEventJson(utf8Json);
        json.SkipWhiteSpace();
        start = json._pos;
        end = start;
        if (start >= utf8Json.Length || utf8Json[start] != (byte)'{')
        {
            return false;
        }

        json.EnterObject();
        EventJsonReader.ReadEvent(ref json, ref fields);
        end = json._pos;
        json.SkipWhiteSpace();
        return !json._failed && json._pos == utf8Json.Length;
    }

    /// <summary>Reads a <c>sender</c> object on its own; <see langword="false"/> when the complete reader must read it instead.</summary>
    public static bool TryReadSender(ReadOnlySpan<byte> utf8Json, ref SenderFields fields)
    {
        var json = new ScannedEventJson(utf8Json);
        EventJsonReader.ReadSender(ref json, ref fields);
        return !json._failed;
    }

    public bool NextProperty(out EventField field)
    {
        field = EventField.Unknown;
        if (_failed)
        {
            return false;
        }

        switch (NextMember(ref _first, out var name))
        {
            case MemberStep.Member:
                field = EventFieldNames.Find(name);
                return true;
            case MemberStep.End:
                _depth--;
                return false;
            default:
                return Fail();
        }
    }

    public bool EnterObject()
    {
        if (_failed)
        {
            return false;
        }

        if (_json[_pos] == (byte)'{')
        {
            _first = true;
            return EnterContainer();
        }

        Scan();
        return false;
    }

    public void SkipValue() => Scan();

    public bool TryDeferObject(out int start, out int length)
    {
        start = _pos;
        length = 0;
        if (_failed || _json[_pos] != (byte)'{')
        {
            return false;
        }

        // Scanning checks the object's JSON now; only reading its fields waits.
        if (Scan())
        {
            length = _pos - start;
        }

        return true;
    }

    public bool TryDeferString(out int start, out int length)
    {
        start = 0;
        length = 0;
        if (_failed || _json[_pos] != (byte)'"')
        {
            return false;
        }

        var quote = _pos;
        if (!Scan())
        {
            return true;
        }

        if (_escaped || _pos - quote == 2)
        {
            // Escaped or empty text is decoded now; rewind so the caller reads it.
            _pos = quote;
            return false;
        }

        start = quote + 1;
        length = _pos - quote - 2;
        return true;
    }

    public long? ReadNullableInt64()
    {
        if (!_failed && TryReadPlainInteger(out var plain))
        {
            return plain;
        }

        if (!Scan())
        {
            return null;
        }

        switch (_kind)
        {
            case JsonTokenType.Number:
                if (TryParseInteger(Token, out var number))
                {
                    return number;
                }
                break;
            case JsonTokenType.String when !_escaped:
                if (TryParseInteger(Content, out var parsed))
                {
                    return parsed;
                }
                break;
            case JsonTokenType.String:
                break;
            default:
                // null, a boolean, an object or an array.
                return null;
        }

        // A floating-point number, an integer beyond int64, or text that is not a plain integer.
        return ReadWithReader(static (ref Utf8JsonReader reader) => LenientJson.ReadNullableInt64(ref reader));
    }

    public bool TryReadId(out long? value, out JsonTokenType kind)
    {
        kind = JsonTokenType.Number;
        if (!_failed && TryReadPlainInteger(out var plain))
        {
            value = plain;
            return true;
        }

        value = ReadNullableInt64();
        if (_failed)
        {
            // The complete reader reads the event again and judges the value itself.
            return true;
        }

        kind = _kind;
        return value is not null || kind == JsonTokenType.Null;
    }

    public bool? ReadNullableBoolean()
    {
        if (!Scan())
        {
            return null;
        }

        return _kind switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Number or JsonTokenType.String =>
                ReadWithReader(static (ref Utf8JsonReader reader) => LenientJson.ReadNullableBoolean(ref reader)),
            _ => null,
        };
    }

    public string? ReadString() => Scan() ? ScannedText() : null;

    public string? ReadName()
    {
        if (!Scan())
        {
            return null;
        }

        return _kind == JsonTokenType.String && !_escaped ? EventNames.Get(Content) : ScannedText();
    }

    public Sex ReadSex() => Scan() && _kind == JsonTokenType.String ? LenientJson.ParseSex(Content) : Sex.Unknown;

    public GroupRole ReadRole() => Scan() && _kind == JsonTokenType.String ? LenientJson.ParseRole(Content) : GroupRole.Unknown;

    public Message? ReadMessage()
    {
        if (_failed)
        {
            return null;
        }

        var start = _pos;
        var depth = _depth;
        switch (_json[_pos])
        {
            case (byte)'"':
                if (!Scan())
                {
                    return null;
                }

                var text = ScannedString();
                return text is null ? null : CqCodeParser.Parse(text);
            case (byte)'[':
                if (SegmentJsonReader.TryReadSegments(ref this, nested: false, out var message, out _))
                {
                    return message;
                }

                if (_failed)
                {
                    return null;
                }

                // A shape the segment reader leaves to the complete reader (raw JSON in a segment's data), or a
                // message the complete reader refuses with its own reason.
                _pos = start;
                _depth = depth;
                break;
        }

        return Scan() ? ReadWithReader(static (ref Utf8JsonReader reader) => ReaderEventJson.ReadMessage(ref reader)) : null;
    }

    /// <summary>Converts the scanned value as <see cref="LenientJson.ReadString"/> does.</summary>
    private string? ScannedText() => _kind switch
    {
        JsonTokenType.String => ScannedString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(Token),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    /// <summary>The text of the string the last <see cref="Scan"/> passed over.</summary>
    private readonly string ScannedString() => _escaped ? JsonText.DecodeEscaped(Content) : JsonText.Decode(Content);

    /// <summary>Converts the scanned value with <see cref="Utf8JsonReader"/> over just its bytes.</summary>
    private T? ReadWithReader<T>(ValueReader<T> read)
    {
        try
        {
            var reader = new Utf8JsonReader(Token);
            reader.Read();
            return read(ref reader);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // What the reader cannot convert here, it cannot convert reading the whole event either; that
            // read reports it.
            Fail();
            return default;
        }
    }

    private delegate T ValueReader<T>(ref Utf8JsonReader reader);
}
