using System.Text.Json;

namespace CqBot.Hosting.Protocol;

/// <summary>Tells events from API responses and reads the response envelope.</summary>
internal static class ApiResponseReader
{
    /// <summary>
    /// True when the top-level object has a <c>post_type</c>: an event rather than an API response. False for
    /// anything else, invalid JSON included; <see cref="Read"/> then says what is wrong with it.
    /// </summary>
    public static bool IsEvent(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("post_type"u8))
                {
                    return true;
                }
                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Invalid JSON before any post_type.
        }
        return false;
    }

    /// <summary>
    /// True when the top-level object has an <c>echo</c>, <c>status</c> or <c>retcode</c>, as every API
    /// response has; false for any other object and for invalid JSON.
    /// </summary>
    public static bool HasResponseFields(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("echo"u8) || reader.ValueTextEquals("status"u8) || reader.ValueTextEquals("retcode"u8))
                {
                    return true;
                }
                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return false;
    }

    /// <summary>
    /// Reads <c>status</c>, <c>retcode</c>, <c>data</c> and the failure wording. <paramref name="echo"/>
    /// is the echo as a number (CqBot sends decimal strings), or -1 when it is absent or not a number.
    /// </summary>
    public static ApiResponse Read(ReadOnlySpan<byte> frame, out long echo)
    {
        var reader = new Utf8JsonReader(frame);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("An API response must be a JSON object.");
        }
        var status = "failed";
        if (root.TryGetProperty("status"u8, out var s) && s.ValueKind == JsonValueKind.String)
        {
            status = s.ValueEquals("ok"u8) ? "ok" : s.ValueEquals("async"u8) ? "async" : s.ValueEquals("failed"u8) ? "failed" : s.GetString()!;
        }
        long retCode = root.TryGetProperty("retcode"u8, out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt64(out var code) ? code : 0;
        JsonElement? data = root.TryGetProperty("data"u8, out var d) && d.ValueKind != JsonValueKind.Null ? d.Clone() : null;
        string? wording = null;
        if (status != "ok")
        {
            foreach (var name in (ReadOnlySpan<string>)["wording", "message", "msg"])
            {
                if (root.TryGetProperty(name, out var w) && w.ValueKind == JsonValueKind.String && w.GetString() is { Length: > 0 } text)
                {
                    wording = text;
                    break;
                }
            }
        }
        echo = -1;
        if (root.TryGetProperty("echo"u8, out var e))
        {
            if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var number))
            {
                echo = number;
            }
            else if (e.ValueKind == JsonValueKind.String
                && long.TryParse(e.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                echo = parsed;
            }
        }
        return new ApiResponse(status, retCode, data, wording);
    }
}
