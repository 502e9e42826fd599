using System.Text;
using System.Text.Json;

namespace CqBot.Messaging;

/// <summary>Reads JSON string tokens the way every CqBot reader does.</summary>
internal static class JsonText
{
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

        var utf8 = reader.ValueSpan;
        return utf8.IsEmpty ? string.Empty : Encoding.UTF8.GetString(utf8);
    }
}
