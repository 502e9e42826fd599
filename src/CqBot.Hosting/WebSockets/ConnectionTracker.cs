using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace CqBot.Hosting.WebSockets;

/// <summary>Every open WebSocket, so that shutdown can close them all cleanly.</summary>
internal sealed class ConnectionTracker
{
    private readonly ConcurrentDictionary<OneBotWebSocket, byte> _open = new();
    private volatile bool _stopping;
    private volatile bool _refusingNew;

    /// <summary>True once <see cref="CloseAllAsync"/> has begun: forward sockets stop reconnecting.</summary>
    public bool IsStopping => _stopping;

    /// <summary>True once shutdown has begun (before handlers drain): new reverse sockets are refused.</summary>
    public bool RefusesNew => _refusingNew;

    /// <summary>Refuses new reverse sockets from now on; the open ones keep working until <see cref="CloseAllAsync"/>.</summary>
    public void RefuseNew() => _refusingNew = true;

    public IDisposable Track(OneBotWebSocket connection)
    {
        _open.TryAdd(connection, 0);
        return new Registration(this, connection);
    }

    /// <summary>Refuses new sockets and closes the open ones with a normal closure.</summary>
    public async Task CloseAllAsync(TimeSpan timeout)
    {
        _refusingNew = true;
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
