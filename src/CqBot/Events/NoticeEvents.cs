using CqBot.Events;

namespace CqBot;

/// <summary>
/// Something happened that the bot may want to react to (<c>post_type</c> <c>notice</c>): a member
/// joined or left, a message was recalled, someone poked the bot, …. Notice types CqBot does not model
/// arrive as <see cref="UnknownNotice"/>.
/// </summary>
public abstract class NoticeEvent : Event
{
    private protected NoticeEvent(string? noticeType)
        : base(EventNames.Notice, noticeType)
    {
    }

    /// <summary>The <c>notice_type</c>, for example <c>group_increase</c> or <c>notify</c>.</summary>
    public string NoticeType => DetailType ?? string.Empty;
}

/// <summary>A member uploaded a file to a group (<c>notice.group_upload</c>).</summary>
public sealed class GroupUploadNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public GroupUploadNotice()
        : base(EventNames.GroupUpload)
    {
    }

    /// <summary>The group's number.</summary>
    public long GroupId { get; init; }

    /// <summary>The uploader's QQ number.</summary>
    public long UserId { get; init; }

    /// <summary>The uploaded file.</summary>
    public GroupFileInfo File { get; init; } = new();
}

/// <summary>A member became (<c>set</c>) or stopped being (<c>unset</c>) a group administrator (<c>notice.group_admin</c>).</summary>
public sealed class GroupAdminNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public GroupAdminNotice()
        : base(EventNames.GroupAdmin)
    {
    }

    /// <summary>The group's number.</summary>
    public long GroupId { get; init; }

    /// <summary>The QQ number of the member whose role changed.</summary>
    public long UserId { get; init; }
}

/// <summary>
/// A member left a group (<c>notice.group_decrease</c>): <see cref="Event.SubType"/> <c>leave</c>
/// (left on their own), <c>kick</c> (was removed) or <c>kick_me</c> (the bot itself was removed).
/// </summary>
public sealed class GroupDecreaseNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public GroupDecreaseNotice()
        : base(EventNames.GroupDecrease)
    {
    }

    /// <summary>The group's number.</summary>
    public long GroupId { get; init; }

    /// <summary>Who removed the member; equals <see cref="UserId"/> when they left on their own.</summary>
    public long OperatorId { get; init; }

    /// <summary>The QQ number of the member who left (the bot's own for <c>kick_me</c>).</summary>
    public long UserId { get; init; }
}

/// <summary>
/// A member joined a group (<c>notice.group_increase</c>): <see cref="Event.SubType"/> <c>approve</c>
/// (an administrator approved the request) or <c>invite</c> (someone invited them).
/// </summary>
public sealed class GroupIncreaseNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public GroupIncreaseNotice()
        : base(EventNames.GroupIncrease)
    {
    }

    /// <summary>The group's number.</summary>
    public long GroupId { get; init; }

    /// <summary>Who approved or invited the member; 0 when the implementation does not know (go-cqhttp).</summary>
    public long OperatorId { get; init; }

    /// <summary>The QQ number of the member who joined.</summary>
    public long UserId { get; init; }
}

/// <summary>A member was muted (<c>ban</c>) or unmuted (<c>lift_ban</c>) in a group (<c>notice.group_ban</c>).</summary>
public sealed class GroupBanNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public GroupBanNotice()
        : base(EventNames.GroupBan)
    {
    }

    /// <summary>The group's number.</summary>
    public long GroupId { get; init; }

    /// <summary>The administrator who changed the mute.</summary>
    public long OperatorId { get; init; }

    /// <summary>The muted member's QQ number; 0 when the whole group was muted (go-cqhttp).</summary>
    public long UserId { get; init; }

    /// <summary>How long the mute lasts, in seconds: 0 for <c>lift_ban</c>, -1 for a whole-group mute (go-cqhttp).</summary>
    public long Duration { get; init; }

    /// <summary>Whether the mute applies to the whole group rather than one member (<see cref="UserId"/> is 0).</summary>
    public bool IsWholeGroup => UserId == 0;
}

/// <summary>A new friend was added (<c>notice.friend_add</c>).</summary>
public sealed class FriendAddNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public FriendAddNotice()
        : base(EventNames.FriendAdd)
    {
    }

    /// <summary>The new friend's QQ number.</summary>
    public long UserId { get; init; }
}

/// <summary>A group message was recalled (<c>notice.group_recall</c>).</summary>
public sealed class GroupRecallNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public GroupRecallNotice()
        : base(EventNames.GroupRecall)
    {
    }

    /// <summary>The group's number.</summary>
    public long GroupId { get; init; }

    /// <summary>The QQ number of the message's sender.</summary>
    public long UserId { get; init; }

    /// <summary>Who recalled it: the sender or an administrator.</summary>
    public long OperatorId { get; init; }

    /// <summary>The recalled message's id.</summary>
    public long MessageId { get; init; }
}

/// <summary>A friend recalled a private message (<c>notice.friend_recall</c>).</summary>
public sealed class FriendRecallNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public FriendRecallNotice()
        : base(EventNames.FriendRecall)
    {
    }

    /// <summary>The friend's QQ number.</summary>
    public long UserId { get; init; }

    /// <summary>The recalled message's id.</summary>
    public long MessageId { get; init; }
}

/// <summary>
/// A notice CqBot does not model, such as an implementation's own extension (for example NapCat's
/// <c>group_msg_emoji_like</c>) or a <c>notify</c> sub-type it does not know. Read
/// <see cref="Event.DetailType"/>, <see cref="Event.SubType"/> and <see cref="Event.Raw"/>.
/// </summary>
public sealed class UnknownNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public UnknownNotice()
        : base(null)
    {
    }

    /// <summary>The <c>group_id</c>, when the notice has one; most group-related notices do.</summary>
    public long? GroupId { get; init; }

    /// <summary>The <c>user_id</c>, when the notice has one.</summary>
    public long? UserId { get; init; }
}
