namespace CqBot;

/// <summary>A group, from <c>GetGroupInfoAsync</c> or <c>GetGroupListAsync</c>.</summary>
public sealed record GroupInfo
{
    /// <summary>The group number.</summary>
    public required long GroupId { get; init; }

    /// <summary>The group's name; empty when not reported.</summary>
    public string GroupName { get; init; } = "";

    /// <summary>How many members it has; null when not reported.</summary>
    public int? MemberCount { get; init; }

    /// <summary>How many members it can have; null when not reported.</summary>
    public int? MaxMemberCount { get; init; }
}

/// <summary>A member of a group, from <c>GetGroupMemberInfoAsync</c> or <c>GetGroupMemberListAsync</c>.</summary>
public sealed record GroupMemberInfo
{
    /// <summary>The group number.</summary>
    public required long GroupId { get; init; }

    /// <summary>The member's QQ number.</summary>
    public required long UserId { get; init; }

    /// <summary>The member's QQ nickname; empty when not reported.</summary>
    public string Nickname { get; init; } = "";

    /// <summary>The member's group card (group nickname); empty or null when none is set.</summary>
    public string? Card { get; init; }

    /// <summary>The member's sex; <see cref="Sex.Unknown"/> when not reported.</summary>
    public Sex Sex { get; init; }

    /// <summary>The member's age; null when not reported.</summary>
    public int? Age { get; init; }

    /// <summary>The member's area; null when not reported.</summary>
    public string? Area { get; init; }

    /// <summary>When the member joined, in Unix seconds; null when not reported.</summary>
    public long? JoinTime { get; init; }

    /// <summary>When the member last spoke, in Unix seconds; null when not reported.</summary>
    public long? LastSentTime { get; init; }

    /// <summary>The member's level, as text (some implementations send a number); null when not reported.</summary>
    public string? Level { get; init; }

    /// <summary>The member's role; <see cref="GroupRole.Unknown"/> when not reported.</summary>
    public GroupRole Role { get; init; }

    /// <summary>Whether the member has a bad record; null when not reported.</summary>
    public bool? Unfriendly { get; init; }

    /// <summary>The member's special title; null when not reported.</summary>
    public string? Title { get; init; }

    /// <summary>When the special title expires, in Unix seconds; null when not reported.</summary>
    public long? TitleExpireTime { get; init; }

    /// <summary>Whether the bot may change the member's card; null when not reported.</summary>
    public bool? CardChangeable { get; init; }

    /// <summary>The name to show for the member: the group card when one is set, otherwise the nickname.</summary>
    public string DisplayName => string.IsNullOrEmpty(Card) ? Nickname : Card;
}

/// <summary>Which honors <c>GetGroupHonorInfoAsync</c> asks for.</summary>
public enum GroupHonorType
{
    /// <summary>The dragon king, the most talkative member (<c>talkative</c>).</summary>
    Talkative,

    /// <summary>Group performers (<c>performer</c>).</summary>
    Performer,

    /// <summary>Group legends (<c>legend</c>).</summary>
    Legend,

    /// <summary>Strong newbies (<c>strong_newbie</c>).</summary>
    StrongNewbie,

    /// <summary>Joy sources (<c>emotion</c>).</summary>
    Emotion,

    /// <summary>Every kind at once (<c>all</c>).</summary>
    All,
}

/// <summary>A group's honors, from <c>GetGroupHonorInfoAsync</c>; the lists not asked for are empty.</summary>
public sealed record GroupHonorInfo
{
    /// <summary>The group number.</summary>
    public required long GroupId { get; init; }

    /// <summary>The current dragon king; null unless talkative honors were asked for.</summary>
    public CurrentTalkative? CurrentTalkative { get; init; }

    /// <summary>Past dragon kings.</summary>
    public IReadOnlyList<HonorHolder> TalkativeList { get; init; } = [];

    /// <summary>Group performers.</summary>
    public IReadOnlyList<HonorHolder> PerformerList { get; init; } = [];

    /// <summary>Group legends.</summary>
    public IReadOnlyList<HonorHolder> LegendList { get; init; } = [];

    /// <summary>Strong newbies.</summary>
    public IReadOnlyList<HonorHolder> StrongNewbieList { get; init; } = [];

    /// <summary>Joy sources.</summary>
    public IReadOnlyList<HonorHolder> EmotionList { get; init; } = [];
}

/// <summary>The member who holds the dragon-king honor now.</summary>
public sealed record CurrentTalkative
{
    /// <summary>The member's QQ number.</summary>
    public required long UserId { get; init; }

    /// <summary>The member's nickname; empty when not reported.</summary>
    public string Nickname { get; init; } = "";

    /// <summary>The URL of the member's avatar; null when not reported.</summary>
    public string? Avatar { get; init; }

    /// <summary>For how many days in a row; null when not reported.</summary>
    public int? DayCount { get; init; }
}

/// <summary>A member who holds one of a group's honors.</summary>
public sealed record HonorHolder
{
    /// <summary>The member's QQ number.</summary>
    public required long UserId { get; init; }

    /// <summary>The member's nickname; empty when not reported.</summary>
    public string Nickname { get; init; } = "";

    /// <summary>The URL of the member's avatar; null when not reported.</summary>
    public string? Avatar { get; init; }

    /// <summary>The honor's description; null when not reported.</summary>
    public string? Description { get; init; }
}
