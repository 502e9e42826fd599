using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CqBot.Hosting.Sandbox;

/// <summary>
/// The OneBot implementation of the sandbox: every API call is shown (a message the bot sends as its
/// text, anything else as the action and its parameters), and calls that ask for data get a plausible
/// made-up answer, or an empty success.
/// </summary>
internal sealed class SandboxApi(long selfId, Action<string> showMessage, Action<string> showCall) : IApiTransport
{
    private long _nextMessageId = 1000;

    public ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var action = request.WireAction;
        var parameters = request.GetParameters();
        if (IsSend(action) && parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("message", out var message))
        {
            showMessage(Render(message));
        }
        else if (action == ".handle_quick_operation" && parameters.ValueKind == JsonValueKind.Object
            && parameters.TryGetProperty("operation", out var operation) && operation.ValueKind == JsonValueKind.Object
            && operation.TryGetProperty("reply", out var reply))
        {
            showMessage(Render(reply));
        }
        else
        {
            showCall(action + " " + Shorten(parameters.ValueKind == JsonValueKind.Undefined ? "{}" : parameters.GetRawText()));
        }
        return ValueTask.FromResult(new ApiResponse("ok", 0, Answer(action, parameters)));
    }

    private static bool IsSend(string action) => action is "send_msg" or "send_group_msg" or "send_private_msg"
        || (action.StartsWith("send_", StringComparison.Ordinal) && action.EndsWith("_msg", StringComparison.Ordinal));

    private JsonElement? Answer(string action, JsonElement parameters)
    {
        var userId = Number(parameters, "user_id") ?? 10001;
        var groupId = Number(parameters, "group_id") ?? 20002;
        string? json = action.TrimStart('.') switch
        {
            _ when IsSend(action) || action.StartsWith("send_", StringComparison.Ordinal) =>
                Invariant($"{{\"message_id\":{Interlocked.Increment(ref _nextMessageId)}}}"),
            "get_login_info" => Invariant($"{{\"user_id\":{selfId},\"nickname\":\"CqBot\"}}"),
            "get_stranger_info" => Invariant($"{{\"user_id\":{userId},\"nickname\":\"user{userId}\",\"sex\":\"unknown\",\"age\":18}}"),
            "get_friend_list" => Invariant($"[{{\"user_id\":10001,\"nickname\":\"user10001\",\"remark\":\"\"}}]"),
            "get_group_info" => Invariant($"{{\"group_id\":{groupId},\"group_name\":\"group{groupId}\",\"member_count\":2,\"max_member_count\":200}}"),
            "get_group_list" => Invariant($"[{{\"group_id\":20002,\"group_name\":\"group20002\",\"member_count\":2,\"max_member_count\":200}}]"),
            "get_group_member_info" => Member(groupId, userId),
            "get_group_member_list" => "[" + Member(groupId, 10001) + "," + Member(groupId, selfId) + "]",
            "get_msg" => Invariant($"{{\"time\":0,\"message_type\":\"private\",\"message_id\":{Number(parameters, "message_id") ?? 0},\"real_id\":0,\"sender\":{{\"user_id\":10001,\"nickname\":\"user10001\"}},\"message\":\"\"}}"),
            "get_status" => "{\"online\":true,\"good\":true}",
            "get_version_info" => "{\"app_name\":\"cqbot-sandbox\",\"app_version\":\"1.0.0\",\"protocol_version\":\"v11\"}",
            "can_send_image" or "can_send_record" => "{\"yes\":true}",
            "get_cookies" => "{\"cookies\":\"\"}",
            "get_csrf_token" => "{\"token\":0}",
            "get_record" or "get_image" => "{\"file\":\"\"}",
            _ => null,
        };
        if (json is null)
        {
            return null;
        }
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Member(long groupId, long userId) => Invariant(
        $"{{\"group_id\":{groupId},\"user_id\":{userId},\"nickname\":\"user{userId}\",\"card\":\"\",\"sex\":\"unknown\",\"age\":18,\"area\":\"\",\"join_time\":0,\"last_sent_time\":0,\"level\":\"1\",\"role\":\"member\",\"unfriendly\":false,\"title\":\"\",\"title_expire_time\":0,\"card_changeable\":true}}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static long? Number(JsonElement parameters, string name)
    {
        if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty(name, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }
        return value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number) ? number : null;
    }

    private static string Shorten(string json) => json.Length <= 160 ? json : string.Concat(json.AsSpan(0, 157), "...");

    /// <summary>A message (CQ-code string, segment array or one segment) as readable text: <c>[@10001] hi [image: a.png]</c>.</summary>
    internal static string Render(JsonElement message)
    {
        switch (message.ValueKind)
        {
            case JsonValueKind.String:
                return Render(Message.FromCqCode(message.GetString() ?? ""));
            case JsonValueKind.Array:
                var text = new StringBuilder();
                foreach (var segment in message.EnumerateArray())
                {
                    RenderJsonSegment(text, segment);
                }
                return text.ToString();
            case JsonValueKind.Object:
                var one = new StringBuilder();
                RenderJsonSegment(one, message);
                return one.ToString();
            default:
                return message.ValueKind == JsonValueKind.Undefined ? "" : message.GetRawText();
        }
    }

    /// <inheritdoc cref="Render(JsonElement)"/>
    internal static string Render(Message message)
    {
        var text = new StringBuilder();
        foreach (var segment in message)
        {
            RenderSegment(text, segment.Type, key => segment[key]);
        }
        return text.ToString();
    }

    private static void RenderJsonSegment(StringBuilder text, JsonElement segment)
    {
        if (segment.ValueKind != JsonValueKind.Object || !segment.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            text.Append(segment.GetRawText());
            return;
        }
        segment.TryGetProperty("data", out var data);
        RenderSegment(text, type.GetString()!, key =>
            data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
                : null);
    }

    private static void RenderSegment(StringBuilder text, string type, Func<string, string?> get)
    {
        switch (type)
        {
            case "text":
                text.Append(get("text"));
                return;
            case "at":
                text.Append("[@").Append(get("qq") is "all" ? "all" : get("qq")).Append(']');
                return;
            case "image" or "record" or "video" or "file":
                text.Append('[').Append(type).Append(": ").Append(get("file") ?? get("url")).Append(']');
                return;
            case "face":
                text.Append("[face: ").Append(get("id")).Append(']');
                return;
            case "reply":
                text.Append("[reply: ").Append(get("id")).Append(']');
                return;
            default:
                var first = get("id") ?? get("qq") ?? get("file") ?? get("url") ?? get("title") ?? get("text") ?? get("data");
                text.Append('[').Append(type);
                if (first is not null)
                {
                    text.Append(": ").Append(first);
                }
                text.Append(']');
                return;
        }
    }
}
