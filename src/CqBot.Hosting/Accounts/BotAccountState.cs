namespace CqBot.Hosting;

/// <summary>A change in a bot account's life.</summary>
public enum BotAccountState
{
    /// <summary>The account's first WebSocket opened.</summary>
    Connected,

    /// <summary>
    /// The account's QQ number is known and it can be used; raised once per account, and again when an
    /// account that was <see cref="Forgotten"/> comes back.
    /// </summary>
    Ready,

    /// <summary>The account's last WebSocket closed.</summary>
    Disconnected,

    /// <summary>Heartbeats stopped arriving, or a heartbeat said the account is offline.</summary>
    Offline,

    /// <summary>Heartbeats arrive again after <see cref="Offline"/>.</summary>
    Online,

    /// <summary>
    /// The account had no connection and sent no event for <see cref="BotOptions.AccountIdleTimeout"/> and was
    /// dropped; its next connection or event makes a new one. Configured accounts are never forgotten.
    /// </summary>
    Forgotten,
}
