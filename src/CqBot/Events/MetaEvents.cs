using CqBot.Events;

namespace CqBot;

/// <summary>
/// News about the connection to the implementation rather than about QQ (<c>post_type</c>
/// <c>meta_event</c>): a <see cref="LifecycleEvent"/> or a <see cref="HeartbeatEvent"/>.
/// </summary>
public abstract class MetaEvent : Event
{
    private protected MetaEvent(string? metaEventType)
        : base(EventNames.MetaEvent, metaEventType)
    {
    }

    /// <summary>The <c>meta_event_type</c>: <c>lifecycle</c> or <c>heartbeat</c>.</summary>
    public string MetaEventType => DetailType ?? string.Empty;
}

/// <summary>
/// The implementation started, stopped or connected (<c>meta_event.lifecycle</c>).
/// <see cref="Event.SubType"/> is <c>enable</c> or <c>disable</c> over HTTP POST, and <c>connect</c> as the
/// first frame of a WebSocket event connection (which is how a connection learns
/// <see cref="Event.SelfId"/>).
/// </summary>
public sealed class LifecycleEvent : MetaEvent
{
    /// <summary>Creates an empty lifecycle event; the parser fills in every field.</summary>
    public LifecycleEvent()
        : base(EventNames.Lifecycle)
    {
    }
}

/// <summary>The implementation's periodic sign of life (<c>meta_event.heartbeat</c>), off by default in most implementations.</summary>
public sealed class HeartbeatEvent : MetaEvent
{
    /// <summary>Creates an empty heartbeat; the parser fills in every field.</summary>
    public HeartbeatEvent()
        : base(EventNames.Heartbeat)
    {
    }

    /// <summary>The implementation's status, as <c>get_status</c> would return it.</summary>
    public HeartbeatStatus Status { get; init; } = new();

    /// <summary>
    /// Milliseconds until the next heartbeat; a connection silent for much longer is probably dead. 0 when
    /// the implementation did not say (a positive value is a real interval).
    /// </summary>
    public long Interval { get; init; }
}

/// <summary>
/// The status carried by a <see cref="HeartbeatEvent"/>. <see cref="Online"/> and <see cref="Good"/> are in
/// the spec; the rest are go-cqhttp's. Each is null when the implementation does not send it, so a missing
/// flag is never mistaken for <see langword="false"/>. Any other field is in <c>Raw.GetProperty("status")</c>.
/// </summary>
public sealed class HeartbeatStatus
{
    /// <summary>Whether the account is online; null when the implementation cannot tell or does not say.</summary>
    public bool? Online { get; init; }

    /// <summary>Whether the implementation considers itself healthy; null when it does not say.</summary>
    public bool? Good { get; init; }

    /// <summary>Whether the implementation finished initialising (go-cqhttp); null when not reported.</summary>
    public bool? AppInitialized { get; init; }

    /// <summary>Whether the implementation is enabled (go-cqhttp); null when not reported.</summary>
    public bool? AppEnabled { get; init; }

    /// <summary>Whether the implementation's plugins are healthy (go-cqhttp sends null); null when not reported.</summary>
    public bool? PluginsGood { get; init; }

    /// <summary>Whether the implementation itself is healthy (go-cqhttp); null when not reported.</summary>
    public bool? AppGood { get; init; }

    /// <summary>Traffic counters (go-cqhttp's <c>stat</c>); null when not reported.</summary>
    public StatusStatistics? Stat { get; init; }
}

/// <summary>Traffic counters in go-cqhttp's heartbeat status, counted since the implementation started.</summary>
public sealed class StatusStatistics
{
    /// <summary>Packets received from the QQ servers.</summary>
    public long PacketReceived { get; init; }

    /// <summary>Packets sent to the QQ servers.</summary>
    public long PacketSent { get; init; }

    /// <summary>Packets lost.</summary>
    public long PacketLost { get; init; }

    /// <summary>Messages received.</summary>
    public long MessageReceived { get; init; }

    /// <summary>Messages sent.</summary>
    public long MessageSent { get; init; }

    /// <summary>How many times the connection to the QQ servers dropped.</summary>
    public long DisconnectTimes { get; init; }

    /// <summary>How many times the account went offline.</summary>
    public long LostTimes { get; init; }

    /// <summary>When the last message was received, in Unix seconds.</summary>
    public long LastMessageTime { get; init; }
}

/// <summary>A meta event type CqBot does not model; read <see cref="Event.DetailType"/> and <see cref="Event.Raw"/>.</summary>
public sealed class UnknownMetaEvent : MetaEvent
{
    /// <summary>Creates an empty meta event; the parser fills in every field.</summary>
    public UnknownMetaEvent()
        : base(null)
    {
    }
}
