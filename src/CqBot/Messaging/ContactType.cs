namespace CqBot;

/// <summary>What a <see cref="Segment.Contact(ContactType, long)"/> segment recommends.</summary>
public enum ContactType
{
    /// <summary>A QQ user (written as <c>type=qq</c>).</summary>
    User,

    /// <summary>A group (written as <c>type=group</c>).</summary>
    Group,
}
