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
    /// The string token the reader is on. Unescaped text (nearly all text) is decoded directly, with
    /// invalid UTF-8 replaced by U+FFFD rather than refused; escaped text is decoded by the reader.
    /// </summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        return Decode(reader.ValueSpan);
    }

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
