namespace CqBot;

/// <summary>
/// Actions that are not in OneBot v11 but that most implementations offer, with the names go-cqhttp
/// gave them. Each says which implementations provide it; others answer with retcode 1404 (or HTTP
/// 404), which <c>CallAsync</c> raises as <see cref="ActionFailedException"/>. For an action missing
/// here, declare it yourself with <see cref="OneBotActionAttribute"/>.
/// </summary>
public static partial class ExtensionActions
{
    /// <summary>Sends a merged forward to a group (<c>send_group_forward_msg</c>). go-cqhttp, NapCat, LLOneBot and Lagrange.</summary>
    /// <param name="bot">The account that sends it.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="messages">The forwarded messages as <c>node</c> segments (<c>messages</c>): <c>Segment.Node(id)</c> for an existing message, or a custom node.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The ids of the forward sent.</returns>
    [OneBotAction("send_group_forward_msg")]
    public static partial Task<SentForwardMessage> SendGroupForwardMessageAsync(this IBot bot, long groupId, Message messages, CancellationToken cancellationToken = default);

    /// <summary>Sends a merged forward to a friend (<c>send_private_forward_msg</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account that sends it.</param>
    /// <param name="userId">The friend (<c>user_id</c>).</param>
    /// <param name="messages">The forwarded messages as <c>node</c> segments (<c>messages</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The ids of the forward sent.</returns>
    [OneBotAction("send_private_forward_msg")]
    public static partial Task<SentForwardMessage> SendPrivateForwardMessageAsync(this IBot bot, long userId, Message messages, CancellationToken cancellationToken = default);

    /// <summary>Sends a merged forward to a user or a group, as <c>send_msg</c> does (<c>send_forward_msg</c>). go-cqhttp, NapCat, LLOneBot and Lagrange.</summary>
    /// <param name="bot">The account that sends it.</param>
    /// <param name="messages">The forwarded messages as <c>node</c> segments (<c>messages</c>).</param>
    /// <param name="messageType">Private or group (<c>message_type</c>).</param>
    /// <param name="userId">The user, for a private forward (<c>user_id</c>).</param>
    /// <param name="groupId">The group, for a group forward (<c>group_id</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The ids of the forward sent.</returns>
    [OneBotAction("send_forward_msg")]
    public static partial Task<SentForwardMessage> SendForwardMessageAsync(this IBot bot, Message messages, MessageType? messageType = null, long? userId = null, long? groupId = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a group's message history (<c>get_group_msg_history</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="messageSeq">The sequence number to start from (<c>message_seq</c>, from <c>GetMessageAsync</c>); null for the latest. Lagrange reads <c>message_id</c> instead.</param>
    /// <param name="count">How many messages (<c>count</c>); NapCat and Lagrange only, go-cqhttp answers about 20.</param>
    /// <param name="reverseOrder">Newest first (<c>reverse_order</c>); NapCat only.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The messages.</returns>
    [OneBotAction("get_group_msg_history")]
    public static partial Task<MessageHistory> GetGroupMessageHistoryAsync(this IBot bot, long groupId, long? messageSeq = null, int? count = null, bool reverseOrder = false, CancellationToken cancellationToken = default);

    /// <summary>Reads a private chat's message history (<c>get_friend_msg_history</c>). NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="userId">The friend (<c>user_id</c>).</param>
    /// <param name="messageSeq">The sequence number to start from (<c>message_seq</c>); null for the latest. Lagrange reads <c>message_id</c> instead.</param>
    /// <param name="count">How many messages (<c>count</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The messages.</returns>
    [OneBotAction("get_friend_msg_history")]
    public static partial Task<MessageHistory> GetFriendMessageHistoryAsync(this IBot bot, long userId, long? messageSeq = null, int? count = null, CancellationToken cancellationToken = default);

    /// <summary>Marks a message, and the chat up to it, as read (<c>mark_msg_as_read</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="messageId">The message (<c>message_id</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("mark_msg_as_read")]
    public static partial Task MarkMessageAsReadAsync(this IBot bot, long messageId, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Makes a group message an essence (pinned) message (<c>set_essence_msg</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="messageId">The message (<c>message_id</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_essence_msg")]
    public static partial Task SetEssenceMessageAsync(this IBot bot, long messageId, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Takes a message off a group's essence messages (<c>delete_essence_msg</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="messageId">The message (<c>message_id</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("delete_essence_msg")]
    public static partial Task DeleteEssenceMessageAsync(this IBot bot, long messageId, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Lists a group's essence messages (<c>get_essence_msg_list</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The essence messages.</returns>
    [OneBotAction("get_essence_msg_list")]
    public static partial Task<IReadOnlyList<EssenceMessage>> GetEssenceMessagesAsync(this IBot bot, long groupId, CancellationToken cancellationToken = default);

    /// <summary>Lists pending group invitations and join requests (<c>get_group_system_msg</c>). go-cqhttp and NapCat; Lagrange has <c>get_group_requests</c> instead.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The invitations and requests.</returns>
    [OneBotAction("get_group_system_msg")]
    public static partial Task<GroupSystemMessages> GetGroupSystemMessagesAsync(this IBot bot, CancellationToken cancellationToken = default);

    /// <summary>Uploads a file to a group (<c>upload_group_file</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="file">The file's path on the implementation's machine (<c>file</c>).</param>
    /// <param name="name">The name to store it under (<c>name</c>).</param>
    /// <param name="folder">The id of the folder to put it in (<c>folder</c>); null for the root.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("upload_group_file")]
    public static partial Task UploadGroupFileAsync(this IBot bot, long groupId, string file, string name, string? folder = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a file to a friend (<c>upload_private_file</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="userId">The friend (<c>user_id</c>).</param>
    /// <param name="file">The file's path on the implementation's machine (<c>file</c>).</param>
    /// <param name="name">The name to send it under (<c>name</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("upload_private_file")]
    public static partial Task UploadPrivateFileAsync(this IBot bot, long userId, string file, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists the files and folders at the root of a group's file system (<c>get_group_root_files</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The files and folders.</returns>
    [OneBotAction("get_group_root_files")]
    public static partial Task<GroupFileList> GetGroupRootFilesAsync(this IBot bot, long groupId, CancellationToken cancellationToken = default);

    /// <summary>Lists the files and folders in a folder of a group's file system (<c>get_group_files_by_folder</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="folderId">The folder (<c>folder_id</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The files and folders.</returns>
    [OneBotAction("get_group_files_by_folder")]
    public static partial Task<GroupFileList> GetGroupFilesByFolderAsync(this IBot bot, long groupId, string folderId, CancellationToken cancellationToken = default);

    /// <summary>Reads where to download a group file (<c>get_group_file_url</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="fileId">The file (<c>file_id</c>).</param>
    /// <param name="busid">The file's <see cref="GroupFile.Busid"/> (<c>busid</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The download URL.</returns>
    [OneBotAction("get_group_file_url")]
    public static partial Task<GroupFileUrl> GetGroupFileUrlAsync(this IBot bot, long groupId, string fileId, int busid, CancellationToken cancellationToken = default);

    /// <summary>Deletes a group file (<c>delete_group_file</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="fileId">The file (<c>file_id</c>).</param>
    /// <param name="busid">The file's <see cref="GroupFile.Busid"/> (<c>busid</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("delete_group_file")]
    public static partial Task DeleteGroupFileAsync(this IBot bot, long groupId, string fileId, int busid, CancellationToken cancellationToken = default);

    /// <summary>Makes a folder in a group's file system (<c>create_group_file_folder</c>). go-cqhttp, NapCat and Lagrange.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="name">The folder's name (<c>name</c>).</param>
    /// <param name="parentId">The folder to make it in (<c>parent_id</c>); go-cqhttp only allows the root, <c>/</c>.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("create_group_file_folder")]
    public static partial Task CreateGroupFileFolderAsync(this IBot bot, long groupId, string name, string parentId = "/", CancellationToken cancellationToken = default);
}
