namespace CqBot;

/// <summary>Whether a message goes to (or came from) a private chat or a group, as OneBot's <c>message_type</c>.</summary>
public enum MessageType
{
    /// <summary>A private chat (<c>private</c>).</summary>
    Private,

    /// <summary>A group (<c>group</c>).</summary>
    Group,
}
