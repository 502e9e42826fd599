namespace CqBot;

/// <summary>The identity of an anonymous group sender.</summary>
public sealed class AnonymousInfo
{
    /// <summary>The anonymous user's id (not a QQ number).</summary>
    public long Id { get; init; }

    /// <summary>The anonymous name shown in the group, such as <c>无敌的萌新</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>
    /// An opaque token for this anonymous sender; pass it to <c>set_group_anonymous_ban</c> to mute
    /// them (their <c>user_id</c> is a shared placeholder such as 80000000 and cannot be muted).
    /// </summary>
    public string Flag { get; init; } = string.Empty;
}
