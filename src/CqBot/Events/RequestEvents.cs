using CqBot.Events;

namespace CqBot;

/// <summary>
/// Someone asks the bot for something it must approve or reject (<c>post_type</c> <c>request</c>): a
/// <see cref="FriendRequest"/> or a <see cref="GroupRequest"/>. Answer with the request's
/// <see cref="Flag"/>, through the quick operation or the <c>set_…_add_request</c> APIs.
/// </summary>
public abstract class RequestEvent : Event
{
    private protected RequestEvent(string? requestType)
        : base(EventNames.Request, requestType)
    {
    }

    /// <summary>The <c>request_type</c>: <c>friend</c> or <c>group</c>.</summary>
    public string RequestType => DetailType ?? string.Empty;

    /// <summary>The QQ number of the user who sent the request.</summary>
    public long UserId { get; init; }

    /// <summary>The message the user wrote with the request (for group joins, the question and answer); empty when none.</summary>
    public string Comment { get; init; } = string.Empty;

    /// <summary>An opaque token identifying the request; pass it back unchanged when approving or rejecting.</summary>
    public string Flag { get; init; } = string.Empty;
}

/// <summary>Someone asks to become the bot's friend (<c>request.friend</c>); answer with <c>set_friend_add_request</c>.</summary>
public sealed class FriendRequest : RequestEvent
{
    /// <summary>Creates an empty request; the parser fills in every field.</summary>
    public FriendRequest()
        : base(EventNames.Friend)
    {
    }
}

/// <summary>
/// Someone asks to join a group the bot administers (<see cref="Event.SubType"/> <c>add</c>), or invites the
/// bot into a group (<c>invite</c>) (<c>request.group</c>). <c>set_group_add_request</c> needs both
/// <see cref="RequestEvent.Flag"/> and the sub-type.
/// </summary>
public sealed class GroupRequest : RequestEvent
{
    /// <summary>Creates an empty request; the parser fills in every field.</summary>
    public GroupRequest()
        : base(EventNames.Group)
    {
    }

    /// <summary>The group to join (for <c>invite</c>, the group the bot is invited into).</summary>
    public long GroupId { get; init; }
}

/// <summary>A request type CqBot does not model; read <see cref="Event.DetailType"/> and <see cref="Event.Raw"/>.</summary>
public sealed class UnknownRequest : RequestEvent
{
    /// <summary>Creates an empty request; the parser fills in every field.</summary>
    public UnknownRequest()
        : base(null)
    {
    }
}
