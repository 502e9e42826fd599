namespace CqBot;

/// <summary>Managing groups and their members, and reading group information: the group actions of OneBot v11.</summary>
public static partial class GroupActions
{
    /// <summary>Removes a member from a group (<c>set_group_kick</c>); the bot must be an admin.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="userId">The member to remove (<c>user_id</c>).</param>
    /// <param name="rejectAddRequest">Refuse the member's later requests to join (<c>reject_add_request</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_group_kick")]
    public static partial Task SetGroupKickAsync(this IBot bot, long groupId, long userId, bool rejectAddRequest = false, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Mutes a member (<c>set_group_ban</c>); a duration of 0 lifts the mute.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="userId">The member (<c>user_id</c>).</param>
    /// <param name="duration">How long, in seconds (<c>duration</c>); 0 lifts the mute. The implementation's default is 30 minutes.</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_group_ban")]
    public static partial Task SetGroupBanAsync(this IBot bot, long groupId, long userId, int duration = 1800, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Mutes an anonymous sender (<c>set_group_anonymous_ban</c>); such a mute cannot be lifted.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="anonymousFlag">The <c>flag</c> of the message event's anonymous sender (<c>anonymous_flag</c>).</param>
    /// <param name="duration">How long, in seconds (<c>duration</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_group_anonymous_ban")]
    public static partial Task SetGroupAnonymousBanAsync(this IBot bot, long groupId, string anonymousFlag, int duration = 1800, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Mutes (or unmutes) the whole group (<c>set_group_whole_ban</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="enable">True to mute, false to unmute (<c>enable</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_group_whole_ban")]
    public static partial Task SetGroupWholeBanAsync(this IBot bot, long groupId, bool enable = true, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Makes a member an admin, or takes it back (<c>set_group_admin</c>); the bot must be the owner.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="userId">The member (<c>user_id</c>).</param>
    /// <param name="enable">True to make an admin, false to take it back (<c>enable</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_group_admin")]
    public static partial Task SetGroupAdminAsync(this IBot bot, long groupId, long userId, bool enable = true, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Allows or forbids anonymous chat in a group (<c>set_group_anonymous</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="enable">True to allow (<c>enable</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_group_anonymous")]
    public static partial Task SetGroupAnonymousAsync(this IBot bot, long groupId, bool enable = true, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Sets a member's group card (<c>set_group_card</c>); an empty card removes it.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="userId">The member (<c>user_id</c>).</param>
    /// <param name="card">The new card (<c>card</c>); empty removes it.</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_group_card")]
    public static partial Task SetGroupCardAsync(this IBot bot, long groupId, long userId, string card = "", ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Renames a group (<c>set_group_name</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="groupName">The new name (<c>group_name</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_group_name")]
    public static partial Task SetGroupNameAsync(this IBot bot, long groupId, string groupName, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Leaves a group, or dissolves it when the bot owns it (<c>set_group_leave</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="isDismiss">Dissolve the group; only the owner can (<c>is_dismiss</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_group_leave")]
    public static partial Task SetGroupLeaveAsync(this IBot bot, long groupId, bool isDismiss = false, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Gives a member a special title (<c>set_group_special_title</c>); the bot must be the owner.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="userId">The member (<c>user_id</c>).</param>
    /// <param name="specialTitle">The title (<c>special_title</c>); empty removes it.</param>
    /// <param name="duration">How long it lasts, in seconds (<c>duration</c>); -1 is for ever. Not every implementation honours it.</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_group_special_title")]
    public static partial Task SetGroupSpecialTitleAsync(this IBot bot, long groupId, long userId, string specialTitle = "", int duration = -1, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Answers a request to join a group, or an invitation of the bot (<c>set_group_add_request</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="flag">The request event's <c>flag</c> (<c>flag</c>).</param>
    /// <param name="subType">The request event's <c>sub_type</c>: <c>add</c> or <c>invite</c> (<c>sub_type</c>).</param>
    /// <param name="approve">True to accept, false to refuse (<c>approve</c>).</param>
    /// <param name="reason">Why it is refused (<c>reason</c>); only for a refusal.</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_group_add_request")]
    public static partial Task SetGroupAddRequestAsync(this IBot bot, string flag, string subType, bool approve = true, string reason = "", ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Reads a group's information (<c>get_group_info</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="noCache">Ask QQ rather than the implementation's cache: slower, fresher (<c>no_cache</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The group's name and size.</returns>
    [OneBotAction("get_group_info")]
    public static partial Task<GroupInfo> GetGroupInfoAsync(this IBot bot, long groupId, bool noCache = false, CancellationToken cancellationToken = default);

    /// <summary>Lists the groups the bot is in (<c>get_group_list</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The groups.</returns>
    [OneBotAction("get_group_list")]
    public static partial Task<IReadOnlyList<GroupInfo>> GetGroupListAsync(this IBot bot, CancellationToken cancellationToken = default);

    /// <summary>Reads a member's information (<c>get_group_member_info</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="userId">The member (<c>user_id</c>).</param>
    /// <param name="noCache">Ask QQ rather than the implementation's cache: slower, fresher (<c>no_cache</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The member: card, role, title and more.</returns>
    [OneBotAction("get_group_member_info")]
    public static partial Task<GroupMemberInfo> GetGroupMemberInfoAsync(this IBot bot, long groupId, long userId, bool noCache = false, CancellationToken cancellationToken = default);

    /// <summary>Lists a group's members (<c>get_group_member_list</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The members; implementations may leave some fields out of a list.</returns>
    [OneBotAction("get_group_member_list")]
    public static partial Task<IReadOnlyList<GroupMemberInfo>> GetGroupMemberListAsync(this IBot bot, long groupId, CancellationToken cancellationToken = default);

    /// <summary>Reads a group's honors (<c>get_group_honor_info</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="groupId">The group (<c>group_id</c>).</param>
    /// <param name="type">Which honors (<c>type</c>), or <see cref="GroupHonorType.All"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The honors asked for; the other lists are empty.</returns>
    [OneBotAction("get_group_honor_info")]
    public static partial Task<GroupHonorInfo> GetGroupHonorInfoAsync(this IBot bot, long groupId, GroupHonorType type, CancellationToken cancellationToken = default);
}
