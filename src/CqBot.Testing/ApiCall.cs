using System.Text.Json;

namespace CqBot.Testing;

/// <summary>One API call the bot made to the fake implementation.</summary>
public sealed class ApiCall
{
    internal ApiCall(string action, JsonElement parameters, JsonElement? echo, string transport)
    {
        Action = action;
        Parameters = parameters;
        Echo = echo;
        Transport = transport;
    }

    /// <summary>The action, such as <c>send_msg</c>.</summary>
    public string Action { get; }

    /// <summary>The parameters object (an empty object when the bot sent none).</summary>
    public JsonElement Parameters { get; }

    /// <summary>The echo the bot sent over a WebSocket; null over HTTP.</summary>
    public JsonElement? Echo { get; }

    /// <summary>
    /// The typed request the bot made, for calls a <see cref="TestBot"/> received in memory (for example a
    /// <c>GetGroupMemberInfoRequest</c> with its properties); null for calls that came over a socket.
    /// </summary>
    public ApiRequest? Request { get; init; }

    /// <summary>How the call came: <c>websocket</c>, <c>http</c> or <c>in-memory</c>.</summary>
    public string Transport { get; }

    /// <summary>A string parameter, or null.</summary>
    public string? GetString(string name) =>
        Parameters.ValueKind == JsonValueKind.Object && Parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A number parameter (also accepted as a numeric string), or null.</summary>
    public long? GetInt64(string name)
    {
        if (Parameters.ValueKind != JsonValueKind.Object || !Parameters.TryGetProperty(name, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }
        return value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out number) ? number : null;
    }

    /// <summary>The text of the <c>message</c> parameter: a string as is, or the text segments of an array joined.</summary>
    public string MessageText => FakeJson.TextOf(Parameters.ValueKind == JsonValueKind.Object && Parameters.TryGetProperty("message", out var message) ? message : default);

    internal static ApiCall Parse(ReadOnlySpan<byte> utf8, string transport, string? actionFromPath = null)
    {
        var reader = new Utf8JsonReader(utf8);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (actionFromPath is not null)
        {
            return new ApiCall(actionFromPath, root.Clone(), null, transport);
        }
        var action = root.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "";
        var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : FakeJson.EmptyObject;
        JsonElement? echo = root.TryGetProperty("echo", out var e) ? e.Clone() : null;
        return new ApiCall(action, parameters, echo, transport);
    }

    /// <summary>The socket the call came on, to answer on it.</summary>
    internal FakeSocket? Source { get; set; }

    /// <summary>For a call over HTTP, the pending answer.</summary>
    internal TaskCompletionSource<ApiReply>? HttpReply { get; set; }

    /// <inheritdoc />
    public override string ToString() => Action + " " + Parameters.GetRawText();
}
