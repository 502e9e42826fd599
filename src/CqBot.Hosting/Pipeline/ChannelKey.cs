namespace CqBot.Hosting.Pipeline;

/// <summary>What kind of chat a <see cref="ChannelKey"/> names.</summary>
internal enum ChannelKind : byte
{
    /// <summary>Events that belong to no chat: meta events and the like.</summary>
    Account,

    /// <summary>A group.</summary>
    Group,

    /// <summary>A private chat with one user.</summary>
    Private,
}

/// <summary>One chat of one account; events of the same key are handled one after another.</summary>
internal readonly record struct ChannelKey(long SelfId, ChannelKind Kind, long Id);
