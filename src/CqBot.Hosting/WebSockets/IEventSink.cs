using CqBot.Hosting.Diagnostics;

namespace CqBot.Hosting.WebSockets;

/// <summary>Where a WebSocket hands the events it receives.</summary>
internal interface IEventSink
{
    /// <summary>Takes one event; called on the receive loop, so it must not block.</summary>
    void OnEvent(OneBotWebSocket source, Event @event);

    /// <summary>Where the socket counts and logs the frames it refuses.</summary>
    RefusalLog Refusals { get; }
}
