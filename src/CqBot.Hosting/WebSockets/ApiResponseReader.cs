using System.Text.Json;

namespace CqBot.Hosting.WebSockets;

/// <summary>Reads what kind a frame is and the envelope of API responses.</summary>
internal static class ApiResponseReader
{
    /// <summary>True when the top-level object has a <c>post_type</c>: an event rather than an API response.</summary>
    public static bool IsEvent(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
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
        return false;
    }

    /// <summary>Reads <c>status</c>, <c>retcode</c>, <c>data</c>, <c>echo</c> and the failure wording.</summary>
    public static (ApiResponse Response, string? Echo) Read(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("An API response must be a JSON object.");
        }
        var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "failed";
        long retCode = root.TryGetProperty("retcode", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt64(out var code) ? code : 0;
        JsonElement? data = root.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null ? d.Clone() : null;
        string? wording = null;
        foreach (var name in (ReadOnlySpan<string>)["wording", "message", "msg"])
        {
            if (root.TryGetProperty(name, out var w) && w.ValueKind == JsonValueKind.String && w.GetString() is { Length: > 0 } text)
            {
                wording = text;
                break;
            }
        }
        string? echo = null;
        if (root.TryGetProperty("echo", out var e))
        {
            echo = e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText();
        }
        return (new ApiResponse(status, retCode, data, wording), echo);
    }
}
