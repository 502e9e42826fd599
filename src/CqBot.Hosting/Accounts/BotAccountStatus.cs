namespace CqBot.Hosting;

/// <summary>A snapshot of one account, as shown on <c>/healthz</c>.</summary>
/// <param name="SelfId">The account's QQ number.</param>
/// <param name="Connections">Its open WebSockets, such as <c>reverse/universal</c> or <c>forward/api</c>.</param>
/// <param name="HasHttpApi">Whether an HTTP API root is configured for it.</param>
/// <param name="Online">False once heartbeats stopped or reported it offline.</param>
/// <param name="LastHeartbeat">When its last heartbeat arrived, if any did.</param>
/// <param name="HeartbeatInterval">The interval its heartbeats announced.</param>
/// <param name="LastEvent">When its last event arrived.</param>
public sealed record BotAccountStatus(
    long SelfId,
    IReadOnlyList<string> Connections,
    bool HasHttpApi,
    bool Online,
    DateTimeOffset? LastHeartbeat,
    TimeSpan? HeartbeatInterval,
    DateTimeOffset? LastEvent);
