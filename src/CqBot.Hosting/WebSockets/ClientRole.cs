namespace CqBot.Hosting.WebSockets;

/// <summary>What a WebSocket carries, as named by <c>X-Client-Role</c>.</summary>
internal enum ClientRole
{
    /// <summary>Events and API calls.</summary>
    Universal,

    /// <summary>API calls only.</summary>
    Api,

    /// <summary>Events only.</summary>
    Event,
}
