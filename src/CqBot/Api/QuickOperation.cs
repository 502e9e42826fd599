namespace CqBot;

/// <summary>
/// What the implementation should do about the event being handled, in the event's own context:
/// reply where it came from, recall or punish the sender, or approve or reject a request. A handler
/// returns one; CqBot sends it in the HTTP POST response when the handler finishes in time, and
/// otherwise through the API (<c>send_msg</c> for a plain reply, <c>.handle_quick_operation</c> for the rest).
/// </summary>
/// <remarks>Every property is optional; null means "leave that alone".</remarks>
public sealed record QuickOperation
{
    /// <summary>A reply sent to the chat the message came from (message events only).</summary>
    public Message? Reply { get; init; }

    /// <summary>Send a CQ-code string reply as literal text. Only meaningful for string replies.</summary>
    public bool? AutoEscape { get; init; }

    /// <summary>
    /// Start a group reply with an @-mention of the sender. Null is sent as <c>false</c>, because
    /// implementations disagree about the default.
    /// </summary>
    public bool? AtSender { get; init; }

    /// <summary>Recall the group message being handled (needs admin rights).</summary>
    public bool? Delete { get; init; }

    /// <summary>Remove the sender from the group (needs admin rights).</summary>
    public bool? Kick { get; init; }

    /// <summary>Mute the sender in the group for <see cref="BanDuration"/>.</summary>
    public bool? Ban { get; init; }

    /// <summary>How long <see cref="Ban"/> mutes, in seconds; the implementation's default is 30 minutes.</summary>
    public int? BanDuration { get; init; }

    /// <summary>Accept (true) or reject (false) a friend or group request; null leaves it pending.</summary>
    public bool? Approve { get; init; }

    /// <summary>The remark given to a new friend when a friend request is approved.</summary>
    public string? Remark { get; init; }

    /// <summary>The reason given when a group request is rejected.</summary>
    public string? Reason { get; init; }

    /// <summary>True when the operation asks for nothing at all.</summary>
    public bool IsEmpty =>
        Reply is null && AutoEscape is null && AtSender is null && Delete is null && Kick is null &&
        Ban is null && BanDuration is null && Approve is null && Remark is null && Reason is null;

    /// <summary>
    /// True when the operation is only a reply with no @-mention, which any implementation can carry
    /// out with <c>send_msg</c>.
    /// </summary>
    public bool IsPlainReply =>
        Reply is not null && AtSender is not true && Delete is not true && Kick is not true &&
        Ban is not true && Approve is null;

    /// <summary>Approves a friend or group request; <paramref name="remark"/> names a new friend.</summary>
    public static QuickOperation Approved(string? remark = null) => new() { Approve = true, Remark = remark };

    /// <summary>Rejects a friend or group request, optionally saying why.</summary>
    public static QuickOperation Rejected(string? reason = null) => new() { Approve = false, Reason = reason };

    /// <summary>A reply to the chat the message came from.</summary>
    public static implicit operator QuickOperation(Message reply) => new() { Reply = reply };

    /// <summary>A text reply to the chat the message came from.</summary>
    public static implicit operator QuickOperation(string reply) => new() { Reply = reply };

    /// <summary>
    /// Combines two operations; a property set in <paramref name="later"/> wins over this one's.
    /// </summary>
    public QuickOperation MergeWith(QuickOperation? later) => later is null ? this : new()
    {
        Reply = later.Reply ?? Reply,
        AutoEscape = later.AutoEscape ?? AutoEscape,
        AtSender = later.AtSender ?? AtSender,
        Delete = later.Delete ?? Delete,
        Kick = later.Kick ?? Kick,
        Ban = later.Ban ?? Ban,
        BanDuration = later.BanDuration ?? BanDuration,
        Approve = later.Approve ?? Approve,
        Remark = later.Remark ?? Remark,
        Reason = later.Reason ?? Reason,
    };
}
