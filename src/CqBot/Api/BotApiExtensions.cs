using System.Text.Json;
using System.Text.Json.Nodes;

using CqBot.Messaging;

namespace CqBot;

/// <summary>Typed calls of the OneBot v11 messaging actions.</summary>
public static class BotApiExtensions
{
    /// <summary>Sends a private message; returns its message id.</summary>
    public static async ValueTask<long> SendPrivateMsgAsync(this IBot bot, long userId, Message message, CancellationToken cancellationToken = default)
    {
        var data = await bot.CallAsync("send_msg", new JsonObject
        {
            ["message_type"] = "private",
            ["user_id"] = userId,
            ["message"] = MessageJson.ToNode(message),
        }, cancellationToken).ConfigureAwait(false);
        return ReadMessageId(data);
    }

    /// <summary>Sends a group message; returns its message id.</summary>
    public static async ValueTask<long> SendGroupMsgAsync(this IBot bot, long groupId, Message message, CancellationToken cancellationToken = default)
    {
        var data = await bot.CallAsync("send_msg", new JsonObject
        {
            ["message_type"] = "group",
            ["group_id"] = groupId,
            ["message"] = MessageJson.ToNode(message),
        }, cancellationToken).ConfigureAwait(false);
        return ReadMessageId(data);
    }

    private static long ReadMessageId(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("message_id", out var id) && id.TryGetInt64(out var value) ? value : 0;
}
