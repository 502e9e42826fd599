using CqBot.Hosting.HttpApi;
using CqBot.Hosting.RateLimiting;
using CqBot.Hosting.WebSockets;

namespace CqBot.Hosting.Accounts;

/// <summary>
/// One bot account: its WebSockets by role, its HTTP API, its send limit and its heartbeat. API
/// calls go over a WebSocket that carries them (universal or API role), else over the HTTP API.
/// </summary>
internal sealed class BotAccount : IApiTransport
{
    private readonly object _gate = new();
    private readonly HttpApiClient? _http;
    private readonly SendRateLimiter? _limiter;
    private readonly TimeSpan _apiTimeout;
    private IApiTransport? _inMemory;
    private CancellationTokenSource? _connected;
    private OneBotWebSocket? _universal;
    private OneBotWebSocket? _api;
    private OneBotWebSocket? _event;

    public BotAccount(long selfId, HttpApiClient? http, SendRateLimiter? limiter, TimeSpan apiTimeout, ApiHooks hooks)
    {
        SelfId = selfId;
        AccountTag = selfId;
        _http = http;
        _limiter = limiter;
        _apiTimeout = apiTimeout;
        Bot = new Bot(selfId, this, hooks);
    }

    public long SelfId { get; }

    /// <summary>The <c>cqbot.account</c> tag value, boxed once rather than at every measurement.</summary>
    public object AccountTag { get; }

    public Bot Bot { get; }

    public bool HasHttpApi => _http is not null;

    /// <summary>True when some connection or the HTTP API can carry an API call now.</summary>
    public bool CanCallApi => InMemory is not null || _http is not null || ApiSocket() is not null;

    /// <summary>An implementation in the same process (a test kit), which carries the account's API calls.</summary>
    public IApiTransport? InMemory
    {
        get => Volatile.Read(ref _inMemory);
        set => Volatile.Write(ref _inMemory, value);
    }

    public SendRateLimiter? Limiter => _limiter;

    // Heartbeat state is written by receive loops and read by the monitor and the health page, so it
    // is kept in words that are read and written whole.
    private long _lastHeartbeatTicks;
    private long _heartbeatIntervalTicks;
    private long _lastEventTicks;
    private int _offline;

    public DateTimeOffset? LastHeartbeat
    {
        get => ToTime(Volatile.Read(ref _lastHeartbeatTicks));
        set => Volatile.Write(ref _lastHeartbeatTicks, value?.UtcTicks ?? 0);
    }

    public TimeSpan? HeartbeatInterval
    {
        get => Volatile.Read(ref _heartbeatIntervalTicks) is var ticks and > 0 ? TimeSpan.FromTicks(ticks) : null;
        set => Volatile.Write(ref _heartbeatIntervalTicks, value?.Ticks ?? 0);
    }

    public DateTimeOffset? LastEvent
    {
        get => ToTime(Volatile.Read(ref _lastEventTicks));
        set => Volatile.Write(ref _lastEventTicks, value?.UtcTicks ?? 0);
    }

    public bool Offline => Volatile.Read(ref _offline) != 0;

    /// <summary>Sets the offline flag; true when it changed, so that each change is announced once.</summary>
    public bool TrySetOffline(bool offline) => Interlocked.Exchange(ref _offline, offline ? 1 : 0) != (offline ? 1 : 0);

    public bool HasConnections
    {
        get
        {
            lock (_gate)
            {
                return _universal is not null || _api is not null || _event is not null;
            }
        }
    }

    public OneBotWebSocket[] Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. new[] { _universal, _api, _event }.OfType<OneBotWebSocket>()];
            }
        }
    }

    /// <summary>
    /// The token handlers of this account's events get: cancelled at <paramref name="shutdown"/>, or when
    /// the account loses its last WebSocket (<see cref="CancelHandlers"/>); a new one after that.
    /// </summary>
    public CancellationToken HandlerToken(CancellationToken shutdown)
    {
        var current = Volatile.Read(ref _connected);
        if (current is not null)
        {
            return current.Token;
        }
        var fresh = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        current = Interlocked.CompareExchange(ref _connected, fresh, null);
        if (current is null)
        {
            return fresh.Token;
        }
        fresh.Dispose();
        return current.Token;
    }

    /// <summary>Cancels the handlers of events that came while the account was connected: its last connection is gone.</summary>
    public void CancelHandlers()
    {
        if (Interlocked.Exchange(ref _connected, null) is { } connected)
        {
            // Registering on the token of a cancelled, disposed source runs the callback at once, so
            // handlers that still hold the token are safe.
            connected.Cancel();
            connected.Dispose();
        }
    }

    /// <summary>Makes <paramref name="connection"/> the account's socket of its role; returns the one it replaces.</summary>
    public OneBotWebSocket? Attach(OneBotWebSocket connection)
    {
        lock (_gate)
        {
            ref var slot = ref Slot(connection.Role);
            var replaced = slot;
            slot = connection;
            connection.Account = this;
            return ReferenceEquals(replaced, connection) ? null : replaced;
        }
    }

    /// <summary>Forgets <paramref name="connection"/> unless a newer one took its place; true when it was forgotten.</summary>
    public bool Detach(OneBotWebSocket connection)
    {
        lock (_gate)
        {
            ref var slot = ref Slot(connection.Role);
            if (!ReferenceEquals(slot, connection))
            {
                return false;
            }
            slot = null;
            return true;
        }
    }

    public async ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (ApiSocket() is null && _http is null && InMemory is null)
        {
            throw NotAvailable(request.WireAction);
        }
        if (_limiter is not null && request.SendsMessage)
        {
            await _limiter.AcquireAsync(request.TargetGroupId, cancellationToken).ConfigureAwait(false);
        }
        // Chosen after the wait: the socket may have changed meanwhile.
        if (InMemory is { } inMemory)
        {
            return await inMemory.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        if (ApiSocket() is { } socket)
        {
            return await socket.CallAsync(request, _apiTimeout, cancellationToken).ConfigureAwait(false);
        }
        if (_http is not null)
        {
            return await _http.CallAsync(request, cancellationToken).ConfigureAwait(false);
        }
        throw NotAvailable(request.WireAction);
    }

    private static DateTimeOffset? ToTime(long utcTicks) => utcTicks == 0 ? null : new DateTimeOffset(utcTicks, TimeSpan.Zero);

    private OneBotWebSocket? ApiSocket()
    {
        var universal = Volatile.Read(ref _universal);
        if (universal is { IsOpen: true })
        {
            return universal;
        }
        var api = Volatile.Read(ref _api);
        return api is { IsOpen: true } ? api : null;
    }

    private ApiNotAvailableException NotAvailable(string action) => new(
        $"Bot {SelfId} cannot call '{action}': no WebSocket of it carries API calls (universal or API role) and no HTTP API is configured. " +
        "Connect its reverse WebSocket, or set CqBot:ApiRoot (--api-root).");

    private ref OneBotWebSocket? Slot(ClientRole role)
    {
        switch (role)
        {
            case ClientRole.Api:
                return ref _api;
            case ClientRole.Event:
                return ref _event;
            default:
                return ref _universal;
        }
    }
}
