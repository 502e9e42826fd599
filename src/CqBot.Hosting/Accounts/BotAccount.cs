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
    private readonly Func<long, SendRateLimiter>? _newLimiter;
    private SendRateLimiter? _limiter;
    private readonly TimeSpan _apiTimeout;
    private IApiTransport? _inMemory;
    private CancellationTokenSource? _connected;
    private OneBotWebSocket? _universal;
    private OneBotWebSocket? _api;
    private OneBotWebSocket? _event;
    private string? _universalRemote;
    private string? _apiRemote;
    private string? _eventRemote;

    // newLimiter makes the account's send limiter when it first sends a message; null when sends are not limited.
    public BotAccount(long selfId, HttpApiClient? http, Func<long, SendRateLimiter>? newLimiter, TimeSpan apiTimeout, ApiHooks hooks, long createdTicks = 1)
    {
        _lastSeenTicks = createdTicks;
        SelfId = selfId;
        AccountTag = selfId;
        _http = http;
        _newLimiter = newLimiter;
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

    public SendRateLimiter? Limiter => Volatile.Read(ref _limiter) ?? (_newLimiter is null ? null : MakeLimiter());

    /// <summary>True when the account's messages pass a send limiter.</summary>
    public bool IsRateLimited => _newLimiter is not null;

    /// <summary>
    /// The send limiter once a message has needed it; null before. Most accounts a bot sees never send
    /// (a reconnect storm remembers thousands), so each makes its limiter only when it first does.
    /// </summary>
    public SendRateLimiter? LimiterIfMade => Volatile.Read(ref _limiter);

    private SendRateLimiter MakeLimiter()
    {
        var made = _newLimiter!(SelfId);
        return Interlocked.CompareExchange(ref _limiter, made, null) ?? made;
    }

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

    // When the account was last used (created, attached, detached, or looked up for an event), or
    // Retired once it was forgotten. Using and forgetting both change it by compare-and-swap, so one
    // of them wins: an account that is being used is not forgotten, and a forgotten one is not used.
    private const long Retired = long.MinValue;
    private long _lastSeenTicks;

    /// <summary>True once the account was forgotten; it is no longer in <see cref="BotAccounts"/>.</summary>
    public bool IsRetired => Volatile.Read(ref _lastSeenTicks) == Retired;

    /// <summary>Notes a use of the account at <paramref name="nowTicks"/>; false when it was forgotten, and a new one must be made.</summary>
    public bool TryTouch(long nowTicks)
    {
        var seen = Volatile.Read(ref _lastSeenTicks);
        while (seen != Retired)
        {
            // Always a new value, even on a clock that stood still, so that a forget that read the old one fails.
            var prior = Interlocked.CompareExchange(ref _lastSeenTicks, Math.Max(nowTicks, seen + 1), seen);
            if (prior == seen)
            {
                return true;
            }
            seen = prior;
        }
        return false;
    }

    /// <summary>
    /// Forgets the account when it has no connection, no in-process implementation, and was not used
    /// for <paramref name="idleTicks"/>; true when it did. A use at the same moment makes it fail.
    /// </summary>
    public bool TryRetire(long nowTicks, long idleTicks)
    {
        var seen = Volatile.Read(ref _lastSeenTicks);
        if (seen == Retired || nowTicks - seen < idleTicks || InMemory is not null || AnyConnection)
        {
            return false;
        }
        return Interlocked.CompareExchange(ref _lastSeenTicks, Retired, seen) == seen;
    }

    // Read without the lock: a hint for the event path, exact enough for choosing a cancellation token.
    private bool AnyConnection => Volatile.Read(ref _universal) is not null || Volatile.Read(ref _api) is not null || Volatile.Read(ref _event) is not null;

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
    /// the account loses its last WebSocket (<see cref="CancelHandlers"/>); a new one after that. An
    /// account without a WebSocket (HTTP POST only) gets <paramref name="shutdown"/> itself, so that it
    /// holds nothing that must be released when it is forgotten.
    /// </summary>
    public CancellationToken HandlerToken(CancellationToken shutdown)
    {
        var current = Volatile.Read(ref _connected);
        if (current is not null)
        {
            return current.Token;
        }
        if (!AnyConnection)
        {
            return shutdown;
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

    /// <summary>
    /// Makes <paramref name="connection"/> (from <paramref name="remote"/>) the account's socket of its role.
    /// With <paramref name="firstWins"/>, it is refused while an open socket does the same work (the same
    /// role, or universal beside API or event), and <see cref="AttachResult.Other"/> is that socket.
    /// Otherwise it replaces the socket of its role (<see cref="AttachResult.Replaced"/>), and
    /// <see cref="AttachResult.Other"/> is an open socket whose work it now shares or takes.
    /// </summary>
    public AttachResult Attach(OneBotWebSocket connection, string remote, bool firstWins)
    {
        lock (_gate)
        {
            var other = Overlapping(connection.Role, out var otherRemote);
            if (firstWins && other is not null && !ReferenceEquals(other, connection))
            {
                return new AttachResult(false, null, other, otherRemote);
            }
            ref var slot = ref Slot(connection.Role);
            var replaced = ReferenceEquals(slot, connection) ? null : slot;
            var replacedRemote = RemoteSlot(connection.Role);
            slot = connection;
            RemoteSlot(connection.Role) = remote;
            connection.Account = this;
            if (replaced is not null)
            {
                return new AttachResult(true, replaced, replaced, replacedRemote);
            }
            return ReferenceEquals(other, connection) ? new AttachResult(true, null, null, null) : new AttachResult(true, null, other, otherRemote);
        }
    }

    /// <summary>Whether <paramref name="role"/> could join now under first-wins; the remote of the open socket in the way, or null.</summary>
    public string? Blocking(ClientRole role)
    {
        lock (_gate)
        {
            return Overlapping(role, out var remote) is null ? null : remote ?? "unknown";
        }
    }

    // An open socket that does work a new one of role would do: the same role first, then the universal/split overlap.
    private OneBotWebSocket? Overlapping(ClientRole role, out string? remote)
    {
        if (Slot(role) is { IsOpen: true } same)
        {
            remote = RemoteSlot(role);
            return same;
        }
        if (role == ClientRole.Universal)
        {
            if (_api is { IsOpen: true } api)
            {
                remote = _apiRemote;
                return api;
            }
            if (_event is { IsOpen: true } events)
            {
                remote = _eventRemote;
                return events;
            }
        }
        else if (_universal is { IsOpen: true } universal)
        {
            remote = _universalRemote;
            return universal;
        }
        remote = null;
        return null;
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
            RemoteSlot(connection.Role) = null;
            return true;
        }
    }

    public ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (ApiSocket() is null && _http is null && InMemory is null)
        {
            return ValueTask.FromException<ApiResponse>(NotAvailable(request.WireAction));
        }
        return _newLimiter is not null && request.SendsMessage ? SendWhenAllowedAsync(request, cancellationToken) : SendNow(request, cancellationToken);
    }

    private async ValueTask<ApiResponse> SendWhenAllowedAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        await Limiter!.AcquireAsync(request.TargetGroupId, cancellationToken).ConfigureAwait(false);
        // Chosen after the wait: the socket may have changed meanwhile.
        return await SendNow(request, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<ApiResponse> SendNow(ApiRequest request, CancellationToken cancellationToken)
    {
        if (InMemory is { } inMemory)
        {
            return inMemory.SendAsync(request, cancellationToken);
        }
        if (ApiSocket() is { } socket)
        {
            return socket.CallAsync(request, _apiTimeout, cancellationToken);
        }
        if (_http is not null)
        {
            return _http.CallAsync(request, cancellationToken);
        }
        return ValueTask.FromException<ApiResponse>(NotAvailable(request.WireAction));
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

    private ref string? RemoteSlot(ClientRole role)
    {
        switch (role)
        {
            case ClientRole.Api:
                return ref _apiRemote;
            case ClientRole.Event:
                return ref _eventRemote;
            default:
                return ref _universalRemote;
        }
    }

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

/// <summary>What <see cref="BotAccount.Attach"/> did.</summary>
/// <param name="Attached">False when an open socket kept its place and the new one was refused.</param>
/// <param name="Replaced">The socket of the same role the new one replaced; it must be closed.</param>
/// <param name="Other">The open socket in the way (refused), replaced, or whose work the new one now shares.</param>
/// <param name="OtherRemote">Where <paramref name="Other"/> connected from.</param>
internal readonly record struct AttachResult(bool Attached, OneBotWebSocket? Replaced, OneBotWebSocket? Other, string? OtherRemote);
