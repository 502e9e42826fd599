namespace CqBot.Hosting.Pipeline;

/// <summary>What kind of chat a <see cref="ChannelKey"/> names.</summary>
internal enum ChannelKind : byte
{
    /// <summary>Events that belong to no chat; the pipeline queues meta events among them under <see cref="Meta"/>.</summary>
    Account,

    /// <summary>A group.</summary>
    Group,

    /// <summary>A private chat with one user.</summary>
    Private,

    /// <summary>
    /// Meta events (heartbeats, lifecycle) of one account. They have a queue of their own, which no
    /// limit applies to: they are few, and none of them is ever dropped.
    /// </summary>
    Meta,
}

/// <summary>One chat of one account; events of the same key are handled one after another.</summary>
internal readonly record struct ChannelKey(long SelfId, ChannelKind Kind, long Id);
