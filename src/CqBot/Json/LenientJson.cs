using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CqBot.Events;
using CqBot.Messaging;

namespace CqBot.Json;

/// <summary>
/// Reads one JSON value, accepting the shapes real OneBot implementations send instead of the one the
/// spec names, and never throwing for a value of an unexpected type.
/// </summary>
/// <remarks>
/// Every method starts on the value's first token and leaves the reader on its last, skipping objects
/// and arrays it cannot use. What is tolerated, and why:
/// <list type="bullet">
/// <item>Integers as JSON strings (<c>"12345"</c>): NapCat recommends string ids so that JavaScript
/// clients keep int64 precision.</item>
/// <item>Integers written as floating point (<c>1.5e3</c>): truncated.</item>
/// <item>Text as a number (<c>sender.level</c>: a string in the spec, a number from Lagrange).</item>
/// <item>Booleans as <c>0</c>/<c>1</c> or as strings.</item>
/// <item><c>null</c>, a missing value or one that cannot be converted becomes the default (0, null).</item>
/// <item>Text that is not valid (invalid UTF-8, a lone surrogate escape such as <c>\ud83d</c>, which
/// Node.js writes for half an emoji) is decoded with U+FFFD in its place (see <see cref="JsonText.DecodeEscaped"/>).</item>
/// </list>
/// </remarks>
internal static class LenientJson
{
    public static long? ReadNullableInt64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var number))
                {
                    return number;
                }
                return reader.TryGetDouble(out var real) ? Truncate(real) : null;
            case JsonTokenType.String:
                return ParseInt64(ref reader);
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    public static bool? ReadNullableBoolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var number) ? number != 0 : null;
            case JsonTokenType.String:
                ReadOnlySpan<byte> text = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(JsonText.Read(ref reader)) : reader.ValueSpan;
                if (text.SequenceEqual("true"u8) || text.SequenceEqual("1"u8) || text.SequenceEqual("True"u8))
                {
                    return true;
                }
                if (text.SequenceEqual("false"u8) || text.SequenceEqual("0"u8) || text.SequenceEqual("False"u8))
                {
                    return false;
                }
                return null;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    /// <summary>Reads text; numbers and booleans become their JSON text.</summary>
    public static string? ReadString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return JsonText.Read(ref reader);
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    /// <summary>Reads a protocol name (a type or sub-type), sharing the instance of well-known ones.</summary>
    public static string? ReadName(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            ? EventNames.Get(reader.ValueSpan)
            : ReadString(ref reader);

    public static Sex ReadSex(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return Sex.Unknown;
        }
        return ParseSex(reader.ValueSpan);
    }

    public static Sex ParseSex(ReadOnlySpan<byte> text) =>
        text.SequenceEqual("male"u8) ? Sex.Male : text.SequenceEqual("female"u8) ? Sex.Female : Sex.Unknown;

    public static GroupRole ReadRole(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return GroupRole.Unknown;
        }
        return ParseRole(reader.ValueSpan);
    }

    public static GroupRole ParseRole(ReadOnlySpan<byte> text) =>
        text.SequenceEqual("member"u8) ? GroupRole.Member
        : text.SequenceEqual("admin"u8) ? GroupRole.Admin
        : text.SequenceEqual("owner"u8) ? GroupRole.Owner
        : GroupRole.Unknown;

    private static long? ParseInt64(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            var text = reader.ValueSpan;
            if (Utf8Parser.TryParse(text, out long value, out var consumed) && consumed == text.Length)
            {
                return value;
            }
        }
        // Rare shapes: escaped digits, surrounding spaces, a leading '+', or a decimal point.
        var decoded = JsonText.Read(ref reader);
        if (long.TryParse(decoded, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }
        return double.TryParse(decoded, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? Truncate(real) : null;
    }

    private static long? Truncate(double value) =>
        double.IsFinite(value) && value >= long.MinValue && value < 9223372036854775807d ? (long)value : null;
}
