namespace CqBot.Hosting;

/// <summary>A change in a bot account's life.</summary>
public enum BotAccountState
{
    /// <summary>The account's first WebSocket opened.</summary>
    Connected,

    /// <summary>The account's QQ number is known and it can be used; raised once per account.</summary>
    Ready,

    /// <summary>The account's last WebSocket closed.</summary>
    Disconnected,

    /// <summary>Heartbeats stopped arriving, or a heartbeat said the account is offline.</summary>
    Offline,

    /// <summary>Heartbeats arrive again after <see cref="Offline"/>.</summary>
    Online,
}
