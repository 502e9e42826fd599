using System.Buffers.Text;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using CqBot.Messaging;

namespace CqBot.Infrastructure;

/// <summary>
/// Reads the <c>data</c> of an action's response one value at a time, for the result readers the
/// generator writes. Tolerant as implementations require: unknown fields are ignored, a field that is
/// absent or <c>null</c> counts as missing, whole numbers given as strings (NapCat's string ids) or with a
/// fraction are accepted, booleans given as <c>0</c>/<c>1</c> or <c>"true"</c>/<c>"false"</c> are accepted,
/// and numbers or booleans where text is expected become their JSON text. Anything else of the wrong
/// shape throws <see cref="ApiResponseException"/> naming the action and the field's path
/// (<c>sender.user_id</c>, <c>[3].group_id</c>).
/// </summary>
/// <remarks>
/// Field names are relative to the object being read; <see cref="Nested{T}"/>, <see cref="Array{T}"/> and
/// <see cref="Root{T}"/> prefix the path when an error passes through them, so nothing is concatenated
/// while reading succeeds.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiResultReader
{
    /// <summary>True when <paramref name="data"/> holds a value (not absent, not <c>null</c>).</summary>
    public static bool HasValue(JsonElement? data) => data is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };

    /// <summary>Reads the whole <c>data</c>; throws when it is absent or <c>null</c>.</summary>
    public static T Root<T>(JsonElement? data, string action, Func<JsonElement, string, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!HasValue(data))
        {
            throw new ApiResponseException(action, "data", "has no value");
        }
        try
        {
            return read(data!.Value, action);
        }
        catch (ApiResponseException exception) when (exception.Action == action && exception.Field.Length == 0)
        {
            throw new ApiResponseException(action, "data", exception.Problem);
        }
    }

    /// <summary>Finds a field of an object; false when it is absent or <c>null</c>.</summary>
    public static bool TryGet(JsonElement element, ReadOnlySpan<byte> utf8Name, out JsonElement value) =>
        element.TryGetProperty(utf8Name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>Throws unless <paramref name="element"/> is an object.</summary>
    public static void ExpectObject(JsonElement element, string action)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw WrongShape(action, "", "is not an object");
        }
    }

    /// <summary>The error for a required field that is absent or <c>null</c>.</summary>
    public static ApiResponseException Missing(string action, string field) => new(action, field, "lacks a required value");

    /// <summary>Reads a whole number: a JSON number (a fraction is cut off) or a string holding one.</summary>
    public static long Int64(JsonElement value, string action, string field)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (value.TryGetInt64(out var number))
                {
                    return number;
                }
                return Truncate(value.GetDouble()) ?? throw WrongShape(action, field, "has a number out of range");
            case JsonValueKind.String:
                return ParseInt64(value) ?? throw WrongShape(action, field, "has text that is not a whole number");
            default:
                throw WrongShape(action, field, "is not a number");
        }
    }

    /// <summary>Reads a whole number that fits an <see cref="int"/>.</summary>
    public static int Int32(JsonElement value, string action, string field)
    {
        var number = Int64(value, action, field);
        return number is >= int.MinValue and <= int.MaxValue ? (int)number : throw WrongShape(action, field, "has a number out of range");
    }

    /// <summary>Reads a number, or a string holding one.</summary>
    public static double Double(JsonElement value, string action, string field) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        _ => throw WrongShape(action, field, "is not a number"),
    };

    /// <summary>Reads <c>true</c>/<c>false</c>, a number (non-zero is true), or one of those as a string.</summary>
    public static bool Boolean(JsonElement value, string action, string field)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return value.GetDouble() != 0;
            case JsonValueKind.String:
                if (value.ValueEquals("true"u8) || value.ValueEquals("1"u8) || value.ValueEquals("True"u8))
                {
                    return true;
                }
                if (value.ValueEquals("false"u8) || value.ValueEquals("0"u8) || value.ValueEquals("False"u8))
                {
                    return false;
                }
                throw WrongShape(action, field, "has text that is not a boolean");
            default:
                throw WrongShape(action, field, "is not a boolean");
        }
    }

    /// <summary>Reads text; a number or boolean becomes its JSON text (<c>level</c> is a number for some implementations).</summary>
    public static string String(JsonElement value, string action, string field) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw WrongShape(action, field, "is not text"),
    };

    /// <summary>Reads a message: a CQ-code string, a segment array, or a single segment object.</summary>
    public static Message Message(JsonElement value, string action, string field)
    {
        if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Array or JsonValueKind.Object))
        {
            throw WrongShape(action, field, "is not a message");
        }
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(value));
        reader.Read();
        try
        {
            return MessageJsonReader.Read(ref reader);
        }
        catch (JsonException exception)
        {
            throw new ApiResponseException(action, field, "is not a message (" + exception.Message + ")");
        }
    }

    /// <summary>Reads a nested object with <paramref name="read"/>, prefixing the path of any error with <paramref name="field"/>.</summary>
    public static T Nested<T>(JsonElement value, string action, string field, Func<JsonElement, string, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return read(value, action);
        }
        catch (ApiResponseException exception) when (exception.Action == action)
        {
            throw new ApiResponseException(action, Join(field, exception.Field), exception.Problem);
        }
    }

    /// <summary>Reads an array, each item with <paramref name="read"/>; an error's path gets the item's index.</summary>
    public static T[] Array<T>(JsonElement value, string action, string field, Func<JsonElement, string, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongShape(action, field, "is not an array");
        }
        var items = new T[value.GetArrayLength()];
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            try
            {
                items[index] = read(item, action);
            }
            catch (ApiResponseException exception) when (exception.Action == action)
            {
                throw new ApiResponseException(action, Join(field + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", exception.Field), exception.Problem);
            }
            index++;
        }
        return items;
    }

    private static ApiResponseException WrongShape(string action, string field, string problem) => new(action, field, problem);

    private static string Join(string parent, string child) =>
        child.Length == 0 ? parent
        : parent.Length == 0 ? child
        : child[0] == '[' ? parent + child
        : parent + "." + child;

    private static long? ParseInt64(JsonElement value)
    {
        if (JsonMarshal.GetRawUtf8Value(value) is var raw && raw.Length > 2 && raw.IndexOf((byte)'\\') < 0)
        {
            var digits = raw[1..^1];
            if (Utf8Parser.TryParse(digits, out long parsed, out var consumed) && consumed == digits.Length)
            {
                return parsed;
            }
        }
        var text = value.GetString();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? Truncate(real) : null;
    }

    private static long? Truncate(double value) =>
        double.IsFinite(value) && value >= long.MinValue && value < 9223372036854775807d ? (long)value : null;
}
