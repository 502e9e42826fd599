using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace CqBot.Hosting.WebSockets;

/// <summary>Every open WebSocket, so that shutdown can close them all cleanly.</summary>
internal sealed class ConnectionTracker
{
    private readonly ConcurrentDictionary<OneBotWebSocket, byte> _open = new();
    private volatile bool _stopping;

    public bool IsStopping => _stopping;

    public IDisposable Track(OneBotWebSocket connection)
    {
        _open.TryAdd(connection, 0);
        return new Registration(this, connection);
    }

    /// <summary>Refuses new sockets and closes the open ones with a normal closure.</summary>
    public async Task CloseAllAsync(TimeSpan timeout)
    {
        _stopping = true;
        var closing = new List<Task>();
        foreach (var connection in _open.Keys)
        {
            closing.Add(connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "shut down", timeout));
        }
        await Task.WhenAll(closing).ConfigureAwait(false);
    }

    private sealed class Registration(ConnectionTracker owner, OneBotWebSocket connection) : IDisposable
    {
        public void Dispose() => owner._open.TryRemove(connection, out _);
    }
}
