using System.Collections.Concurrent;
using CqBot.Hosting.WebSockets;

namespace CqBot.Hosting;

/// <summary>What every connection shares: the dispatcher, the root services and the connected accounts.</summary>
internal sealed class BotRuntime(EventDispatcher dispatcher, IServiceProvider services)
{
    private readonly ConcurrentDictionary<long, ReverseWebSocketConnection> _connections = new();

    public EventDispatcher Dispatcher { get; } = dispatcher;

    public IServiceProvider Services { get; } = services;

    /// <summary>The connected accounts.</summary>
    public IReadOnlyCollection<long> SelfIds => (IReadOnlyCollection<long>)_connections.Keys;

    /// <summary>Registers a connection; returns the one it replaces, if any.</summary>
    public ReverseWebSocketConnection? Attach(ReverseWebSocketConnection connection)
    {
        ReverseWebSocketConnection? replaced = null;
        _connections.AddOrUpdate(connection.Bot.SelfId, connection, (_, old) =>
        {
            replaced = old;
            return connection;
        });
        return replaced;
    }

    /// <summary>Forgets a connection unless a newer one of the same account replaced it.</summary>
    public void Detach(ReverseWebSocketConnection connection) =>
        _connections.TryRemove(new KeyValuePair<long, ReverseWebSocketConnection>(connection.Bot.SelfId, connection));

    /// <summary>The bot of a connected account.</summary>
    public IBot? GetBot(long selfId) => _connections.TryGetValue(selfId, out var connection) ? connection.Bot : null;
}
