namespace CqBot;

/// <summary>
/// Who sent a message, as the implementation describes them. Every field is best effort: the
/// implementation may leave any of them out or report a stale cached value, so use it for display
/// and check permissions through the API when it matters.
/// </summary>
public sealed class MessageSender
{
    /// <summary>The sender's QQ number (the event's <c>user_id</c> when the sender object omitted it).</summary>
    public long UserId { get; init; }

    /// <summary>The sender's QQ nickname; empty when not reported.</summary>
    public string Nickname { get; init; } = string.Empty;

    /// <summary>The sender's group card (group nickname); empty when none is set, null in private chats or when not reported.</summary>
    public string? Card { get; init; }

    /// <summary>The sender's sex, <see cref="Sex.Unknown"/> when not reported.</summary>
    public Sex Sex { get; init; }

    /// <summary>The sender's age, 0 when not reported.</summary>
    public int Age { get; init; }

    /// <summary>The sender's area (group messages only); null when not reported.</summary>
    public string? Area { get; init; }

    /// <summary>
    /// The sender's member level in the group, as text (the spec sends a string; implementations that
    /// send a number have it converted); null when not reported.
    /// </summary>
    public string? Level { get; init; }

    /// <summary>The sender's role in the group; <see cref="GroupRole.Unknown"/> in private chats or when not reported.</summary>
    public GroupRole Role { get; init; }

    /// <summary>The sender's special title in the group; null when not reported.</summary>
    public string? Title { get; init; }

    /// <summary>The name to show for the sender: the group card when one is set, otherwise the nickname.</summary>
    public string DisplayName => string.IsNullOrEmpty(Card) ? Nickname : Card;
}

/// <summary>A QQ user's sex as OneBot reports it.</summary>
public enum Sex
{
    /// <summary>Not reported, <c>unknown</c>, or a value CqBot does not know.</summary>
    Unknown,

    /// <summary><c>male</c>.</summary>
    Male,

    /// <summary><c>female</c>.</summary>
    Female,
}

/// <summary>A member's role in a group.</summary>
public enum GroupRole
{
    /// <summary>Not reported (private chats) or a value CqBot does not know.</summary>
    Unknown,

    /// <summary>An ordinary member (<c>member</c>).</summary>
    Member,

    /// <summary>A group administrator (<c>admin</c>).</summary>
    Admin,

    /// <summary>The group owner (<c>owner</c>).</summary>
    Owner,
}
