using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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
/// A single value of another shape (an escaped string, a floating-point id, a message with a nested
/// forward node) is handed to <see cref="Utf8JsonReader"/> over just that value's bytes, with the same
/// conversion <see cref="ReaderEventJson"/> uses, so the result is the same. Values nobody reads are
/// passed over with the same grammar checks; the sender object and the raw message text are passed over
/// that way and read from the event's bytes on first use.
/// </para>
/// <para>
/// Anything else ends the scan as failed: invalid JSON, an escaped property name, a control character in
/// a string, nesting deeper than <see cref="Utf8JsonReader"/> allows. <see cref="TryRead"/> then returns
/// <see langword="false"/> and the caller reads the event with <see cref="ReaderEventJson"/>, which accepts
/// or rejects it with its own message.
/// </para>
/// </remarks>
internal ref struct ScannedEventJson : IEventJsonSource
{
    // Utf8JsonReader's default; the whole event, the scanned part included, must stay within it.
    private const int MaxDepth = 64;

    // Where a scan inside a string stops: its end, an escape, or a control character (invalid in JSON).
    private static readonly SearchValues<byte> s_stringStops = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\"u8);

    private readonly ReadOnlySpan<byte> _json;
    private int _pos;
    private int _depth;
    private bool _first;
    private bool _failed;

    // The value the last Scan passed over: its kind, where it starts, and whether a string has escapes.
    private JsonTokenType _kind;
    private int _start;
    private bool _escaped;

    private ScannedEventJson(ReadOnlySpan<byte> utf8Json) => _json = utf8Json;

    private enum MemberStep
    {
        Member,
        End,
        Invalid,
    }

    /// <summary>The bytes of the value the last <see cref="Scan"/> passed over.</summary>
    private readonly ReadOnlySpan<byte> Token => _json[_start.._pos];

    /// <summary>The content of the string the last <see cref="Scan"/> passed over, without its quotes.</summary>
    private readonly ReadOnlySpan<byte> Content => _json[(_start + 1)..(_pos - 1)];

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
            if (++_depth > MaxDepth)
            {
                return Fail();
            }

            _pos++;
            _first = true;
            return true;
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
        switch (_json[_pos])
        {
            case (byte)'"':
                if (!Scan())
                {
                    return null;
                }

                var text = _escaped ? ReadWithReader(static (ref Utf8JsonReader reader) => reader.GetString()) : JsonText.Decode(Content);
                return text is null ? null : CqCodeParser.Parse(text);
            case (byte)'[':
                if (TryReadSegments(out var message))
                {
                    return message;
                }

                if (_failed)
                {
                    return null;
                }

                // A shape the scan leaves to the complete reader, such as a forward node's nested content.
                _pos = start;
                break;
        }

        return Scan() ? ReadWithReader(static (ref Utf8JsonReader reader) => ReaderEventJson.ReadMessage(ref reader)) : null;
    }

    /// <summary>Reads a segment array of the usual shape; <see langword="false"/> (and not failed) for any other shape.</summary>
    private bool TryReadSegments([NotNullWhen(true)] out Message? message)
    {
        message = null;
        var buffer = default(InlineBuffer16<Segment>);
        var segments = new ValueListBuilder<Segment>(buffer);
        try
        {
            _pos++;
            SkipWhiteSpace();
            if (_pos < _json.Length && _json[_pos] == (byte)']')
            {
                _pos++;
                message = Message.FromOwnedArray([]);
                return true;
            }

            while (true)
            {
                SkipWhiteSpace();
                if (!TryReadSegment(out var segment))
                {
                    return false;
                }

                segments.Add(segment);
                SkipWhiteSpace();
                if (_pos >= _json.Length)
                {
                    return false;
                }

                var next = _json[_pos++];
                if (next == (byte)']')
                {
                    message = Message.FromOwnedArray(segments.ToArray());
                    return true;
                }

                if (next != (byte)',')
                {
                    return false;
                }
            }
        }
        finally
        {
            segments.Dispose();
        }
    }

    /// <summary>Reads one segment whose data values are strings, numbers, booleans or null.</summary>
    private bool TryReadSegment([NotNullWhen(true)] out Segment? segment)
    {
        segment = null;
        if (_pos >= _json.Length || _json[_pos] != (byte)'{')
        {
            return false;
        }

        _pos++;
        string? type = null;
        var buffer = default(InlineBuffer4<KeyValuePair<string, SegmentValue>>);
        var entries = new ValueListBuilder<KeyValuePair<string, SegmentValue>>(buffer);
        try
        {
            var first = true;
            while (true)
            {
                var step = NextMember(ref first, out var name);
                if (step == MemberStep.End)
                {
                    break;
                }

                if (step == MemberStep.Invalid)
                {
                    return false;
                }

                if (name.SequenceEqual("type"u8))
                {
                    if (_json[_pos] != (byte)'"' || !Scan() || _escaped)
                    {
                        return false;
                    }

                    var content = Content;
                    type = WellKnownNames.Find(content) ?? Encoding.UTF8.GetString(content);
                }
                else if (name.SequenceEqual("data"u8))
                {
                    if (_json[_pos] == (byte)'n')
                    {
                        if (!Scan() || _kind != JsonTokenType.Null)
                        {
                            return false;
                        }

                        continue;
                    }

                    if (_json[_pos] != (byte)'{')
                    {
                        return false;
                    }

                    // The pairs are read here rather than in a helper: a helper taking this stack-backed list by
                    // ref is rejected by the compiler's ref-safety rules.
                    _pos++;
                    var firstPair = true;
                    while (true)
                    {
                        step = NextMember(ref firstPair, out var key);
                        if (step == MemberStep.End)
                        {
                            break;
                        }

                        if (step == MemberStep.Invalid || _json[_pos] is (byte)'{' or (byte)'[' || !Scan())
                        {
                            return false;
                        }

                        string? text;
                        switch (_kind)
                        {
                            case JsonTokenType.String:
                                text = _escaped ? ReadWithReader(static (ref Utf8JsonReader reader) => reader.GetString()) : JsonText.Decode(Content);
                                if (text is null)
                                {
                                    return false;
                                }
                                break;
                            case JsonTokenType.Number:
                                // Kept as written ("1.50" stays "1.50").
                                text = Encoding.UTF8.GetString(Token);
                                break;
                            case JsonTokenType.True:
                                text = "true";
                                break;
                            case JsonTokenType.False:
                                text = "false";
                                break;
                            default:
                                // JSON null: treated as absent.
                                continue;
                        }

                        var keyText = WellKnownNames.Find(key) ?? Encoding.UTF8.GetString(key);
                        var value = SegmentValue.FromString(text);
                        var existing = Segment.IndexOfKey(entries.AsSpan(), keyText);
                        if (existing >= 0)
                        {
                            entries[existing] = new KeyValuePair<string, SegmentValue>(entries[existing].Key, value);
                        }
                        else
                        {
                            entries.Add(new KeyValuePair<string, SegmentValue>(keyText, value));
                        }
                    }
                }
                else
                {
                    return false;
                }
            }

            if (type is null)
            {
                return false;
            }

            segment = Segment.Create(type, entries.AsSpan());
            return true;
        }
        finally
        {
            entries.Dispose();
        }
    }

    /// <summary>
    /// Moves past the comma or opening brace to the next member of an object and onto its value, or past
    /// the closing brace.
    /// </summary>
    private MemberStep NextMember(ref bool first, out ReadOnlySpan<byte> name)
    {
        name = default;
        var json = _json;
        var i = SkipWhiteSpace(json, _pos);
        if ((uint)i >= (uint)json.Length)
        {
            return MemberStep.Invalid;
        }

        var c = json[i];
        if (c == (byte)'}')
        {
            _pos = i + 1;
            first = false;
            return MemberStep.End;
        }

        if (!first)
        {
            if (c != (byte)',')
            {
                return MemberStep.Invalid;
            }

            i = SkipWhiteSpace(json, i + 1);
            if ((uint)i >= (uint)json.Length)
            {
                return MemberStep.Invalid;
            }

            c = json[i];
        }

        first = false;
        if (c != (byte)'"')
        {
            return MemberStep.Invalid;
        }

        // Property names are never escaped in practice; an escaped one goes to the complete reader.
        var rest = json[(i + 1)..];
        var length = IndexOfStringStop(rest);
        if (length < 0 || rest[length] != (byte)'"')
        {
            return MemberStep.Invalid;
        }

        name = rest[..length];
        i = SkipWhiteSpace(json, i + length + 2);
        if ((uint)i >= (uint)json.Length || json[i] != (byte)':')
        {
            return MemberStep.Invalid;
        }

        i = SkipWhiteSpace(json, i + 1);
        _pos = i;
        return (uint)i < (uint)json.Length ? MemberStep.Member : MemberStep.Invalid;
    }

    /// <summary>Passes over one value, checking its grammar, and records what it was.</summary>
    private bool Scan()
    {
        if (_failed)
        {
            return false;
        }

        _start = _pos;
        _escaped = false;
        switch (_json[_pos])
        {
            case (byte)'"':
                _kind = JsonTokenType.String;
                return ScanString();
            case (byte)'{':
            case (byte)'[':
                return ScanContainer();
            case (byte)'t':
                _kind = JsonTokenType.True;
                return ScanLiteral("true"u8);
            case (byte)'f':
                _kind = JsonTokenType.False;
                return ScanLiteral("false"u8);
            case (byte)'n':
                _kind = JsonTokenType.Null;
                return ScanLiteral("null"u8);
            default:
                _kind = JsonTokenType.Number;
                return ScanNumber();
        }
    }

    private bool ScanString()
    {
        var i = _pos + 1;
        while (true)
        {
            var length = IndexOfStringStop(_json[i..]);
            if (length < 0)
            {
                return Fail();
            }

            i += length;
            var b = _json[i];
            if (b == (byte)'"')
            {
                _pos = i + 1;
                return true;
            }

            if (b != (byte)'\\' || i + 1 >= _json.Length)
            {
                // A control character, which JSON does not allow unescaped, or a string cut short.
                return Fail();
            }

            _escaped = true;
            switch (_json[i + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    i += 2;
                    break;
                case (byte)'u' when i + 6 <= _json.Length && IsHex(_json.Slice(i + 2, 4)):
                    i += 6;
                    break;
                default:
                    return Fail();
            }
        }
    }

    /// <summary>Reads an integer of up to 18 digits in one pass, as ids are; <see langword="false"/>, reading nothing, for any other value.</summary>
    private bool TryReadPlainInteger(out long value)
    {
        value = 0;
        var json = _json;
        var i = _pos;
        var negative = json[i] == (byte)'-';
        if (negative)
        {
            i++;
        }

        var first = i;
        ulong magnitude = 0;
        while ((uint)i < (uint)json.Length)
        {
            var digit = (uint)(json[i] - '0');
            if (digit > 9)
            {
                break;
            }

            magnitude = (magnitude * 10) + digit;
            i++;
        }

        var digits = i - first;
        if (digits is 0 or > 18 || (digits > 1 && json[first] == (byte)'0')
            || ((uint)i < (uint)json.Length && json[i] is (byte)'.' or (byte)'e' or (byte)'E'))
        {
            return false;
        }

        value = negative ? -(long)magnitude : (long)magnitude;
        _pos = i;
        return true;
    }

    private bool ScanNumber()
    {
        var json = _json;
        var i = _pos;
        if (json[i] == (byte)'-')
        {
            i++;
        }

        if (i >= json.Length || !char.IsAsciiDigit((char)json[i]))
        {
            return Fail();
        }

        // No leading zeros: "0" stands alone before a fraction or exponent.
        if (json[i++] != (byte)'0')
        {
            i = SkipDigits(json, i);
        }

        if (i < json.Length && json[i] == (byte)'.')
        {
            var digits = ++i;
            i = SkipDigits(json, i);
            if (i == digits)
            {
                return Fail();
            }
        }

        if (i < json.Length && (json[i] | 0x20) == (byte)'e')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            var digits = i;
            i = SkipDigits(json, i);
            if (i == digits)
            {
                return Fail();
            }
        }

        _pos = i;
        return true;
    }

    private bool ScanLiteral(ReadOnlySpan<byte> literal)
    {
        if (!_json[_pos..].StartsWith(literal))
        {
            return Fail();
        }

        _pos += literal.Length;
        return true;
    }

    /// <summary>Passes over an object or array, checking the grammar of everything in it.</summary>
    private bool ScanContainer()
    {
        var start = _pos;
        var isObject = _json[_pos] == (byte)'{';
        if (++_depth > MaxDepth)
        {
            return Fail();
        }

        _pos++;
        if (isObject)
        {
            var first = true;
            while (true)
            {
                var step = NextMember(ref first, out _);
                if (step == MemberStep.End)
                {
                    break;
                }

                if (step == MemberStep.Invalid)
                {
                    return Fail();
                }

                if (!Scan())
                {
                    return false;
                }
            }
        }
        else
        {
            SkipWhiteSpace();
            if (_pos < _json.Length && _json[_pos] == (byte)']')
            {
                _pos++;
            }
            else
            {
                while (true)
                {
                    SkipWhiteSpace();
                    if (_pos >= _json.Length || !Scan())
                    {
                        return Fail();
                    }

                    SkipWhiteSpace();
                    if (_pos >= _json.Length)
                    {
                        return Fail();
                    }

                    var next = _json[_pos++];
                    if (next == (byte)']')
                    {
                        break;
                    }

                    if (next != (byte)',')
                    {
                        return Fail();
                    }
                }
            }
        }

        // The values inside overwrote what the last scan was; it is this container.
        _depth--;
        _start = start;
        _escaped = false;
        _kind = isObject ? JsonTokenType.StartObject : JsonTokenType.StartArray;
        return true;
    }

    /// <summary>Converts the scanned value as <see cref="LenientJson.ReadString"/> does.</summary>
    private string? ScannedText() => _kind switch
    {
        JsonTokenType.String when !_escaped => JsonText.Decode(Content),
        JsonTokenType.String => ReadWithReader(static (ref Utf8JsonReader reader) => LenientJson.ReadString(ref reader)),
        JsonTokenType.Number => Encoding.UTF8.GetString(Token),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

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

    private bool Fail()
    {
        _failed = true;
        _pos = _json.Length;
        return false;
    }

    private void SkipWhiteSpace() => _pos = SkipWhiteSpace(_json, _pos);

    /// <summary>Where the first byte at or after <paramref name="i"/> that is not whitespace is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhiteSpace(ReadOnlySpan<byte> json, int i) =>
        // Compact JSON, as implementations send it, has no whitespace at all.
        (uint)i >= (uint)json.Length || json[i] > (byte)' ' ? i : SkipWhiteSpaceRun(json, i);

    private static int SkipWhiteSpaceRun(ReadOnlySpan<byte> json, int i)
    {
        if (json[i] == (byte)' ' && (uint)(i + 1) < (uint)json.Length && json[i + 1] > (byte)' ')
        {
            // The single space after a colon in indented JSON.
            return i + 1;
        }

        // Indented JSON: a line break, then spaces, which one 16-byte comparison passes.
        while (true)
        {
            while ((uint)i < (uint)json.Length && json[i] is (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                i++;
            }

            if (Vector128.IsHardwareAccelerated && json.Length - i >= Vector128<byte>.Count)
            {
                var spaces = Vector128.Equals(Vector128.Create(json[i..]), Vector128.Create((byte)' ')).ExtractMostSignificantBits();
                var count = BitOperations.TrailingZeroCount(~spaces);
                i += count;
                if (count == Vector128<byte>.Count)
                {
                    continue;
                }
            }
            else
            {
                while ((uint)i < (uint)json.Length && json[i] == (byte)' ')
                {
                    i++;
                }
            }

            if ((uint)i >= (uint)json.Length || json[i] is not ((byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                break;
            }
        }

        return i;
    }

    /// <summary>Where a scan inside a string stops: the closing quote, an escape, or a control character.</summary>
    private static int IndexOfStringStop(ReadOnlySpan<byte> text)
    {
        // Names and most values are short: one 16-byte comparison finds their end, without the set-up of a
        // general search.
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<byte>.Count)
        {
            var block = Vector128.Create(text);
            var stops = Vector128.Equals(block, Vector128.Create((byte)'"'))
                | Vector128.Equals(block, Vector128.Create((byte)'\\'))
                | Vector128.LessThan(block, Vector128.Create((byte)0x20));
            var mask = stops.ExtractMostSignificantBits();
            if (mask != 0)
            {
                return BitOperations.TrailingZeroCount(mask);
            }

            var found = text[Vector128<byte>.Count..].IndexOfAny(s_stringStops);
            return found < 0 ? -1 : found + Vector128<byte>.Count;
        }

        return text.IndexOfAny(s_stringStops);
    }

    /// <summary>Parses the whole of <paramref name="text"/> as a decimal integer.</summary>
    private static bool TryParseInteger(ReadOnlySpan<byte> text, out long value) =>
        Utf8Parser.TryParse(text, out value, out var used) && used == text.Length;

    private static int SkipDigits(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && char.IsAsciiDigit((char)json[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsHex(ReadOnlySpan<byte> digits)
    {
        foreach (var digit in digits)
        {
            if (!char.IsAsciiHexDigit((char)digit))
            {
                return false;
            }
        }

        return true;
    }


    private delegate T ValueReader<T>(ref Utf8JsonReader reader);
}
