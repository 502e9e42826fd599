using System.Text.Json.Nodes;

namespace CqBot.Hosting.RateLimiting;

/// <summary>Which actions send messages, and to which group.</summary>
internal static class SendActions
{
    /// <summary>True for actions that post a message.</summary>
    public static bool IsSend(string action, JsonObject? parameters) => action switch
    {
        "send_msg" or "send_private_msg" or "send_group_msg" or "send_forward_msg" or "send_group_forward_msg" or "send_private_forward_msg" => true,
        ".handle_quick_operation" => parameters?["operation"]?["reply"] is not null,
        _ => action.StartsWith("send_", StringComparison.Ordinal) && action.EndsWith("_msg", StringComparison.Ordinal),
    };

    /// <summary>The group a message goes to, or null for a private message.</summary>
    public static long? GroupOf(string action, JsonObject? parameters)
    {
        if (parameters is null || action is "send_private_msg" or "send_private_forward_msg")
        {
            return null;
        }
        var source = action == ".handle_quick_operation" ? parameters["context"] as JsonObject : parameters;
        if (source is null || (source["message_type"] is JsonValue type && type.TryGetValue(out string? kind) && kind == "private"))
        {
            return null;
        }
        return source["group_id"] is JsonValue value && value.TryGetValue(out long groupId) ? groupId : null;
    }
}
