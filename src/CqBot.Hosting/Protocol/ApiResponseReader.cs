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
    /// Reads <c>status</c>, <c>retcode</c>, <c>data</c> and the failure wording in one pass; only
    /// <c>data</c> becomes a document. <paramref name="echo"/> is the echo as a number (CqBot sends
    /// decimal strings), or -1 when it is absent or not a number. When a field is repeated, the last wins.
    /// </summary>
    public static ApiResponse Read(ReadOnlySpan<byte> frame, out long echo)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An API response must be a JSON object.");
        }
        var status = "failed";
        long retCode = 0;
        JsonElement? data = null;
        string? wording = null, message = null, msg = null;
        echo = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Field(ref reader);
            reader.Read();
            switch (field)
            {
                case ResponseField.Status:
                    status = reader.TokenType != JsonTokenType.String ? "failed"
                        : reader.ValueTextEquals("ok"u8) ? "ok" : reader.ValueTextEquals("async"u8) ? "async" : reader.ValueTextEquals("failed"u8) ? "failed" : reader.GetString()!;
                    break;
                case ResponseField.RetCode:
                    retCode = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var code) ? code : 0;
                    break;
                case ResponseField.Data:
                    data = reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
                    break;
                case ResponseField.Echo:
                    echo = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number) ? number
                        : reader.TokenType == JsonTokenType.String
                            && long.TryParse(reader.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
                        : -1;
                    break;
                case ResponseField.Wording:
                    wording = Text(ref reader);
                    break;
                case ResponseField.Message:
                    message = Text(ref reader);
                    break;
                case ResponseField.Msg:
                    msg = Text(ref reader);
                    break;
            }
            reader.Skip();
        }
        return new ApiResponse(status, retCode, data, status == "ok" ? null : wording ?? message ?? msg);
    }

    private enum ResponseField
    {
        Other,
        Status,
        RetCode,
        Data,
        Echo,
        Wording,
        Message,
        Msg,
    }

    private static ResponseField Field(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("status"u8) ? ResponseField.Status
        : reader.ValueTextEquals("retcode"u8) ? ResponseField.RetCode
        : reader.ValueTextEquals("data"u8) ? ResponseField.Data
        : reader.ValueTextEquals("echo"u8) ? ResponseField.Echo
        : reader.ValueTextEquals("wording"u8) ? ResponseField.Wording
        : reader.ValueTextEquals("message"u8) ? ResponseField.Message
        : reader.ValueTextEquals("msg"u8) ? ResponseField.Msg
        : ResponseField.Other;

    // A failure's wording: a non-empty string, or nothing.
    private static string? Text(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text ? text : null;
}
