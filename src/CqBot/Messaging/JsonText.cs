using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;

namespace CqBot.Messaging;

/// <summary>Reads JSON string text the way every CqBot reader does.</summary>
internal static class JsonText
{
    private const int StackDecodeLimit = 256;

    /// <summary>
    /// The string token the reader is on, decoded directly, with invalid UTF-8 and lone surrogate escapes
    /// replaced by U+FFFD rather than refused (see <see cref="DecodeEscaped"/>).
    /// </summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence)
        {
            var text = reader.ValueSequence.ToArray();
            return reader.ValueIsEscaped ? DecodeEscaped(text) : Decode(text);
        }

        return reader.ValueIsEscaped ? DecodeEscaped(reader.ValueSpan) : Decode(reader.ValueSpan);
    }

    /// <summary>
    /// Decodes the content of a JSON string that has escapes, as <see cref="Utf8JsonReader.GetString"/>
    /// does, except that what is not text becomes U+FFFD instead of an exception: invalid UTF-8, and a
    /// <c>\uXXXX</c> surrogate escape without its other half.
    /// </summary>
    /// <remarks>
    /// JavaScript strings are UTF-16 and may hold a lone surrogate (a truncated emoji, say), which
    /// <c>JSON.stringify</c> writes as such an escape; NapCat runs on Node.js, so real events carry them.
    /// Utf8JsonReader refuses to decode them, which would lose the whole event for one character.
    /// </remarks>
    /// <param name="utf8">The string's bytes between its quotes, escapes included.</param>
    [SkipLocalsInit]
    public static string DecodeEscaped(ReadOnlySpan<byte> utf8)
    {
        // Text never has more UTF-16 code units than it has UTF-8 bytes, nor an escape than its bytes.
        char[]? rented = null;
        Span<char> chars = utf8.Length <= StackDecodeLimit
            ? stackalloc char[StackDecodeLimit]
            : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            var written = 0;
            while (true)
            {
                var backslash = utf8.IndexOf((byte)'\\');
                var run = backslash < 0 ? utf8 : utf8[..backslash];
                Utf8.ToUtf16(run, chars[written..], out _, out var decoded);
                written += decoded;
                if (backslash < 0 || backslash + 1 >= utf8.Length)
                {
                    break;
                }

                var escape = utf8[backslash + 1];
                utf8 = utf8[(backslash + 2)..];
                if (escape != (byte)'u')
                {
                    chars[written++] = escape switch
                    {
                        (byte)'n' => '\n',
                        (byte)'t' => '\t',
                        (byte)'r' => '\r',
                        (byte)'b' => '\b',
                        (byte)'f' => '\f',

                        // '"', '\\' and '/' stand for themselves.
                        _ => (char)escape,
                    };
                    continue;
                }

                if (!TryReadHex(utf8, out var unit))
                {
                    chars[written++] = '\uFFFD';
                    break;
                }

                utf8 = utf8[4..];
                if (!char.IsSurrogate(unit))
                {
                    chars[written++] = unit;
                }
                else if (char.IsHighSurrogate(unit) && utf8.Length >= 6 && utf8[0] == (byte)'\\' && utf8[1] == (byte)'u'
                    && TryReadHex(utf8[2..], out var low) && char.IsLowSurrogate(low))
                {
                    chars[written++] = unit;
                    chars[written++] = low;
                    utf8 = utf8[6..];
                }
                else
                {
                    // A high surrogate not followed by a low one, or a low one on its own.
                    chars[written++] = '\uFFFD';
                }
            }

            return new string(chars[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static bool TryReadHex(ReadOnlySpan<byte> utf8, out char unit)
    {
        unit = '\0';
        if (utf8.Length < 4)
        {
            return false;
        }

        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            var digit = HexValue(utf8[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        unit = (char)value;
        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// Decodes UTF-8 text, replacing invalid sequences with U+FFFD as <see cref="Encoding.UTF8"/> does, in
    /// one pass for text of up to <see cref="StackDecodeLimit"/> bytes (nearly all of it) rather than
    /// counting the characters first.
    /// </summary>
    [SkipLocalsInit]
    public static string Decode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length <= StackDecodeLimit)
        {
            // Text never has more UTF-16 code units than it has UTF-8 bytes.
            Span<char> chars = stackalloc char[StackDecodeLimit];
            if (Utf8.ToUtf16(utf8, chars, out _, out var written) == OperationStatus.Done)
            {
                return new string(chars[..written]);
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }
}
