namespace CqBot;

/// <summary>
/// Sending, recalling and fetching messages: the message actions of OneBot v11. Sending counts against
/// the account's send rate limit.
/// </summary>
public static partial class MessageActions
{
    /// <summary>Sends a private message (<c>send_private_msg</c>).</summary>
    /// <param name="bot">The account that sends it.</param>
    /// <param name="userId">The QQ number to send to (<c>user_id</c>).</param>
    /// <param name="message">The message (<c>message</c>), written as a segment array.</param>
    /// <param name="autoEscape">Send CQ codes in a text message as literal text (<c>auto_escape</c>); has no effect on segments.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The id of the message sent.</returns>
    [OneBotAction("send_private_msg")]
    public static partial Task<SentMessage> SendPrivateMessageAsync(this IBot bot, long userId, Message message, bool autoEscape = false, CancellationToken cancellationToken = default);

    /// <summary>Sends a group message (<c>send_group_msg</c>).</summary>
    /// <param name="bot">The account that sends it.</param>
    /// <param name="groupId">The group to send to (<c>group_id</c>).</param>
    /// <param name="message">The message (<c>message</c>), written as a segment array.</param>
    /// <param name="autoEscape">Send CQ codes in a text message as literal text (<c>auto_escape</c>); has no effect on segments.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The id of the message sent.</returns>
    [OneBotAction("send_group_msg")]
    public static partial Task<SentMessage> SendGroupMessageAsync(this IBot bot, long groupId, Message message, bool autoEscape = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a message to a user or a group (<c>send_msg</c>): give <paramref name="groupId"/> for a group,
    /// <paramref name="userId"/> for a private chat, and <paramref name="messageType"/> when both are given.
    /// </summary>
    /// <param name="bot">The account that sends it.</param>
    /// <param name="message">The message (<c>message</c>), written as a segment array.</param>
    /// <param name="messageType">Private or group (<c>message_type</c>); when left out the implementation picks by the id given.</param>
    /// <param name="userId">The QQ number to send to (<c>user_id</c>), for a private message.</param>
    /// <param name="groupId">The group to send to (<c>group_id</c>), for a group message.</param>
    /// <param name="autoEscape">Send CQ codes in a text message as literal text (<c>auto_escape</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The id of the message sent.</returns>
    [OneBotAction("send_msg")]
    public static partial Task<SentMessage> SendMessageAsync(this IBot bot, Message message, MessageType? messageType = null, long? userId = null, long? groupId = null, bool autoEscape = false, CancellationToken cancellationToken = default);

    /// <summary>Recalls a message (<c>delete_msg</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="messageId">The message's id (<c>message_id</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("delete_msg")]
    public static partial Task DeleteMessageAsync(this IBot bot, long messageId, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Fetches a stored message by its id (<c>get_msg</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="messageId">The message's id (<c>message_id</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The message, its sender and when it was sent.</returns>
    [OneBotAction("get_msg")]
    public static partial Task<MessageInfo> GetMessageAsync(this IBot bot, long messageId, CancellationToken cancellationToken = default);

    /// <summary>Fetches the content of a merged-forward message (<c>get_forward_msg</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="id">The forward id from a received <c>forward</c> segment (<c>id</c>), sent as a string: NapCat's ids exceed what a JSON number keeps exactly.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The forwarded messages.</returns>
    [OneBotAction("get_forward_msg")]
    public static partial Task<ForwardMessage> GetForwardMessageAsync(this IBot bot, string id, CancellationToken cancellationToken = default);
}
