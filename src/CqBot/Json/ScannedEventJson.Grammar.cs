using System.Buffers;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace CqBot.Json;

/// <summary>
/// The scanner: passes over JSON values in the event's bytes, checking their grammar as
/// <see cref="Utf8JsonReader"/> would, and records what the last one was.
/// </summary>
internal ref partial struct ScannedEventJson
{
    // Utf8JsonReader's default; the whole event, the scanned part included, must stay within it.
    private const int MaxDepth = 64;

    // Where a scan inside a string stops: its end, an escape, or a control character (invalid in JSON).
    private static readonly SearchValues<byte> s_stringStops = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\"u8);

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

    /// <summary>
    /// Moves past the comma or opening brace to the next member of an object and onto its value, or past
    /// the closing brace.
    /// </summary>
    private MemberStep NextMember(scoped ref bool first, out ReadOnlySpan<byte> name)
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

    /// <summary>Moves into the object or array the position is on, counting it against the depth limit.</summary>
    private bool EnterContainer()
    {
        if (++_depth > MaxDepth)
        {
            return Fail();
        }

        _pos++;
        return true;
    }

    /// <summary>Passes over an object or array, checking the grammar of everything in it.</summary>
    private bool ScanContainer()
    {
        var start = _pos;
        var isObject = _json[_pos] == (byte)'{';
        if (!EnterContainer())
        {
            return false;
        }

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
}
