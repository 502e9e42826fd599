using System.Collections.Concurrent;
using CqBot.Hosting.Diagnostics;
using CqBot.Hosting.HttpApi;
using CqBot.Hosting.RateLimiting;
using CqBot.Hosting.WebSockets;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting;

/// <summary>
/// The bot accounts this process serves. None is configured up front: an account appears when its
/// implementation connects or posts its first event, and one without a connection or an event for
/// <see cref="BotOptions.AccountIdleTimeout"/> is forgotten (those under <see cref="BotOptions.Accounts"/> never are).
/// </summary>
public sealed partial class BotAccounts : IDisposable
{
    private readonly ConcurrentDictionary<long, Accounts.BotAccount> _accounts = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<IBot>> _readyWaiters = new();
    private readonly Func<long, SendRateLimiter> _newLimiter;
    private readonly BotOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ApiHooks _hooks;
    private readonly ITimer _forgetTimer;

    internal BotAccounts(BotOptions options, HttpClient http, TimeProvider time, ILogger<BotAccounts> logger, ApiHooks hooks)
    {
        _hooks = hooks;
        _options = options;
        _newLimiter = selfId => new SendRateLimiter(selfId, options.RateLimit, time);
        _http = http;
        _time = time;
        _logger = logger;
        HostingMetrics.Register(this);
        // Idle accounts are looked for a few times per timeout, at most once a minute.
        var period = TimeSpan.FromTicks(Math.Clamp(options.AccountIdleTimeout.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        _forgetTimer = time.CreateTimer(static state => ((BotAccounts)state!).ForgetIdleSafely(), this, period, period);
    }

    /// <summary>
    /// Raised when an account connects, becomes ready, disconnects, goes offline or online again, or is
    /// forgotten after <see cref="BotOptions.AccountIdleTimeout"/> without a connection or an event.
    /// Handlers run on the thread that noticed the change and must return quickly.
    /// </summary>
    public event EventHandler<BotAccountStateChangedEventArgs>? StateChanged;

    /// <summary>The account with QQ number <paramref name="selfId"/>, or null when it never connected.</summary>
    public IBot? Find(long selfId) => _accounts.TryGetValue(selfId, out var account) ? account.Bot : null;

    /// <summary>Waits until the account <paramref name="selfId"/> is ready, then returns it.</summary>
    public async Task<IBot> WaitForReadyAsync(long selfId, CancellationToken cancellationToken = default)
    {
        if (_accounts.TryGetValue(selfId, out var account))
        {
            return account.Bot;
        }
        var waiter = _readyWaiters.GetOrAdd(selfId, static _ => new TaskCompletionSource<IBot>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_accounts.TryGetValue(selfId, out account))
        {
            waiter.TrySetResult(account.Bot);
        }
        return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A snapshot of every account.</summary>
    public IReadOnlyList<BotAccountStatus> GetStatus()
    {
        var list = new List<BotAccountStatus>(_accounts.Count);
        foreach (var (_, account) in _accounts)
        {
            var connections = account.Connections;
            var names = new string[connections.Length];
            for (var i = 0; i < connections.Length; i++)
            {
                names[i] = connections[i].Origin + "/" + connections[i].Role.ToString().ToLowerInvariant();
            }
            list.Add(new BotAccountStatus(account.SelfId, names, account.HasHttpApi, !account.Offline, account.LastHeartbeat, account.HeartbeatInterval, account.LastEvent));
        }
        list.Sort(static (a, b) => a.SelfId.CompareTo(b.SelfId));
        return list;
    }

    /// <summary>Releases the HTTP client of the accounts' API calls; the application does this when it stops.</summary>
    public void Dispose()
    {
        _forgetTimer.Dispose();
        HostingMetrics.Unregister(this);
        _http.Dispose();
    }

    /// <summary>
    /// Every account, enumerated in place: <c>Values</c> of the dictionary would copy them all into a new
    /// list, a large object each time once thousands of accounts are remembered.
    /// </summary>
    internal IEnumerable<Accounts.BotAccount> All
    {
        get
        {
            foreach (var (_, account) in _accounts)
            {
                yield return account;
            }
        }
    }

    internal bool TryGet(long selfId, out Accounts.BotAccount account) => _accounts.TryGetValue(selfId, out account!);

    /// <summary>True when events and connections of <paramref name="selfId"/> are taken: every account, or only configured ones with <see cref="BotOptions.ConfiguredAccountsOnly"/>.</summary>
    internal bool IsServed(long selfId) => !_options.ConfiguredAccountsOnly || _options.Accounts.ContainsKey(selfId);

    /// <summary>The account of <paramref name="selfId"/>, created (and announced ready) on first sight.</summary>
    internal Accounts.BotAccount GetOrAdd(long selfId)
    {
        var account = Acquire(selfId, out var created);
        if (created)
        {
            AnnounceReady(account);
        }
        return account;
    }

    /// <summary>Connects an implementation in the same process; the account is announced connected and ready.</summary>
    internal Accounts.BotAccount AttachInMemory(long selfId, IApiTransport api)
    {
        var account = Acquire(selfId, out var created);
        account.InMemory = api;
        Raise(account, BotAccountState.Connected);
        if (created)
        {
            AnnounceReady(account);
        }
        return account;
    }

    /// <summary>
    /// The remote address of an open WebSocket of <paramref name="selfId"/> that a new one of <paramref name="role"/>
    /// would collide with under <see cref="ConnectionReplacement.FirstWinsWhileAlive"/>; null when none would, or
    /// when the policy is <see cref="ConnectionReplacement.NewestWins"/>.
    /// </summary>
    internal string? Blocking(long selfId, ClientRole role) =>
        _options.ConnectionReplacement == ConnectionReplacement.FirstWinsWhileAlive && _accounts.TryGetValue(selfId, out var account)
            ? account.Blocking(role)
            : null;

    /// <summary>
    /// Attaches a WebSocket from <paramref name="remote"/> to its account under <see cref="BotOptions.ConnectionReplacement"/>.
    /// False when an open socket keeps its place; otherwise <paramref name="replaced"/> is the socket of
    /// the same role it replaces, which the caller closes. Every replacement is logged as a warning.
    /// </summary>
    internal bool TryAttach(long selfId, OneBotWebSocket connection, string remote, out OneBotWebSocket? replaced)
    {
        var firstWins = _options.ConnectionReplacement == ConnectionReplacement.FirstWinsWhileAlive;
        while (true)
        {
            var account = Acquire(selfId, out var created);
            var wasConnected = account.HasConnections;
            var result = account.Attach(connection, remote, firstWins);
            if (account.IsRetired)
            {
                // Forgotten between the look-up and the attach: start again on a fresh account.
                account.Detach(connection);
                _accounts.TryRemove(new KeyValuePair<long, Accounts.BotAccount>(selfId, account));
                continue;
            }
            if (!result.Attached)
            {
                replaced = null;
                LogKeptFirst(selfId, connection.Role, remote, result.Other!.Role, result.OtherRemote ?? "unknown");
                if (created)
                {
                    AnnounceReady(account);
                }
                return false;
            }
            LogConnected(selfId, connection.Origin, connection.Role);
            if (result.Replaced is not null)
            {
                LogReplaced(selfId, connection.Role, result.OtherRemote ?? "unknown", remote);
            }
            else if (result.Other is { } other)
            {
                LogOverlapping(selfId, connection.Role, remote, other.Role, result.OtherRemote ?? "unknown");
            }
            if (!wasConnected)
            {
                Raise(account, BotAccountState.Connected);
            }
            if (created)
            {
                AnnounceReady(account);
            }
            replaced = result.Replaced;
            return true;
        }
    }

    /// <summary>
    /// Attaches a forward WebSocket to its account; returns the socket of the same role it replaces. An
    /// account that is not served stays unattached: its first event is refused and closes the socket.
    /// </summary>
    internal OneBotWebSocket? Attach(long selfId, OneBotWebSocket connection) =>
        IsServed(selfId) && TryAttach(selfId, connection, connection.Origin, out var replaced) ? replaced : null;

    /// <summary>
    /// Forgets accounts that have no connection and were not used for <see cref="BotOptions.AccountIdleTimeout"/>;
    /// configured accounts stay. Each is announced <see cref="BotAccountState.Forgotten"/>.
    /// </summary>
    internal int ForgetIdle()
    {
        var now = _time.GetUtcNow().UtcTicks;
        var idle = _options.AccountIdleTimeout.Ticks;
        var forgotten = 0;
        foreach (var (selfId, account) in _accounts)
        {
            if (_options.Accounts.ContainsKey(selfId) || !account.TryRetire(now, idle))
            {
                continue;
            }
            _accounts.TryRemove(new KeyValuePair<long, Accounts.BotAccount>(selfId, account));
            // A handler may still run with the account's bot; its token stays valid (cancelled at
            // shutdown), and only leftovers of an earlier connection are released here.
            account.CancelHandlers();
            forgotten++;
            Raise(account, BotAccountState.Forgotten);
        }
        if (forgotten > 0)
        {
            LogForgotten(forgotten, _options.AccountIdleTimeout.TotalSeconds);
        }
        return forgotten;
    }

    // The account of selfId, noted as used now; a forgotten one found in the map is dropped and replaced.
    private Accounts.BotAccount Acquire(long selfId, out bool created)
    {
        while (true)
        {
            var account = GetOrCreate(selfId, out created);
            if (account.TryTouch(_time.GetUtcNow().UtcTicks))
            {
                return account;
            }
            _accounts.TryRemove(new KeyValuePair<long, Accounts.BotAccount>(selfId, account));
        }
    }

    private Accounts.BotAccount GetOrCreate(long selfId, out bool created)
    {
        if (_accounts.TryGetValue(selfId, out var existing))
        {
            created = false;
            return existing;
        }
        var fresh = Create(selfId);
        var account = _accounts.GetOrAdd(selfId, fresh);
        created = ReferenceEquals(account, fresh);
        return account;
    }

    private void AnnounceReady(Accounts.BotAccount account)
    {
        LogReady(account.SelfId);
        Raise(account, BotAccountState.Ready);
        if (_readyWaiters.TryRemove(account.SelfId, out var waiter))
        {
            waiter.TrySetResult(account.Bot);
        }
    }

    /// <summary>Detaches a closed WebSocket; announces the disconnection when it was the account's last.</summary>
    internal void Detach(OneBotWebSocket connection)
    {
        if (connection.Account is not { } account)
        {
            return;
        }
        // Noted as used first: the idle time of a forgotten account counts from its disconnection.
        account.TryTouch(_time.GetUtcNow().UtcTicks);
        if (!account.Detach(connection))
        {
            return;
        }
        LogDisconnected(account.SelfId, connection.Origin, connection.Role);
        if (!account.HasConnections)
        {
            account.CancelHandlers();
            Raise(account, BotAccountState.Disconnected);
        }
    }

    /// <summary>Records a heartbeat; an offline account comes back online.</summary>
    internal void OnHeartbeat(Accounts.BotAccount account, TimeSpan? interval, bool? online)
    {
        account.LastHeartbeat = _time.GetUtcNow();
        if (interval is not null)
        {
            account.HeartbeatInterval = interval;
        }
        if (online == false)
        {
            MarkOffline(account, "its heartbeat says it is offline");
        }
        else if (account.Offline && account.TrySetOffline(false))
        {
            LogOnline(account.SelfId);
            Raise(account, BotAccountState.Online);
        }
    }

    /// <summary>Marks accounts whose heartbeats stopped as offline.</summary>
    internal void CheckHeartbeats()
    {
        var now = _time.GetUtcNow();
        foreach (var (_, account) in _accounts)
        {
            if (!account.Offline && account.LastHeartbeat is { } last && account.HeartbeatInterval is { } interval
                && now - last > interval * _options.HeartbeatTolerance)
            {
                MarkOffline(account, "no heartbeat arrived in " + (now - last).TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s");
            }
        }
    }

    private void ForgetIdleSafely()
    {
        try
        {
            ForgetIdle();
        }
        catch (Exception exception)
        {
            LogForgetFailed(exception);
        }
    }

    private void MarkOffline(Accounts.BotAccount account, string why)
    {
        if (!account.TrySetOffline(true))
        {
            return;
        }
        LogOffline(account.SelfId, why);
        Raise(account, BotAccountState.Offline);
    }

    private Accounts.BotAccount Create(long selfId)
    {
        _options.Accounts.TryGetValue(selfId, out var own);
        var apiRoot = own?.ApiRoot ?? _options.ApiRoot;
        var http = apiRoot is null ? null : new HttpApiClient(_http, apiRoot, own?.AccessToken ?? _options.AccessToken, _options.ApiTimeout);
        return new Accounts.BotAccount(selfId, http, _options.RateLimit.Enabled ? _newLimiter : null, _options.ApiTimeout, _hooks, _time.GetUtcNow().UtcTicks);
    }

    private void Raise(Accounts.BotAccount account, BotAccountState state)
    {
        var handlers = StateChanged;
        if (handlers is null)
        {
            return;
        }
        var args = new BotAccountStateChangedEventArgs(account.Bot, state);
        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((EventHandler<BotAccountStateChangedEventArgs>)handler)(this, args);
            }
            catch (Exception exception)
            {
                LogStateHandlerFailed(exception, account.SelfId, state);
            }
        }
    }

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Bot {SelfId} is ready.")]
    private partial void LogReady(long selfId);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Information, Message = "Bot {SelfId} connected ({Origin} WebSocket, role {Role}).")]
    private partial void LogConnected(long selfId, string origin, ClientRole role);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Information, Message = "Bot {SelfId} disconnected ({Origin} WebSocket, role {Role}).")]
    private partial void LogDisconnected(long selfId, string origin, ClientRole role);

    [LoggerMessage(EventId = 2604, Level = LogLevel.Warning, Message = "Bot {SelfId} is offline: {Why}.")]
    private partial void LogOffline(long selfId, string why);

    [LoggerMessage(EventId = 2605, Level = LogLevel.Information, Message = "Bot {SelfId} is online again.")]
    private partial void LogOnline(long selfId);

    [LoggerMessage(EventId = 2607, Level = LogLevel.Warning, Message = "Bot {SelfId}: a {Role} WebSocket from {NewRemote} replaced the one from {OldRemote}, which is closed.")]
    private partial void LogReplaced(long selfId, ClientRole role, string oldRemote, string newRemote);

    [LoggerMessage(EventId = 2608, Level = LogLevel.Warning, Message = "Bot {SelfId}: a {Role} WebSocket from {NewRemote} now shares the work of the open {OtherRole} WebSocket from {OldRemote}; a universal one carries the API calls.")]
    private partial void LogOverlapping(long selfId, ClientRole role, string newRemote, ClientRole otherRole, string oldRemote);

    [LoggerMessage(EventId = 2609, Level = LogLevel.Warning, Message = "Bot {SelfId}: refused a {Role} WebSocket from {NewRemote}; the {OtherRole} WebSocket from {OldRemote} is open and keeps its place.")]
    private partial void LogKeptFirst(long selfId, ClientRole role, string newRemote, ClientRole otherRole, string oldRemote);

    [LoggerMessage(EventId = 2610, Level = LogLevel.Information, Message = "Forgot {Count} account(s) without a connection or an event for {Seconds} s.")]
    private partial void LogForgotten(int count, double seconds);

    [LoggerMessage(EventId = 2611, Level = LogLevel.Error, Message = "Looking for idle accounts failed.")]
    private partial void LogForgetFailed(Exception exception);

    [LoggerMessage(EventId = 2606, Level = LogLevel.Error, Message = "A StateChanged handler failed for bot {SelfId} ({State}).")]
    private partial void LogStateHandlerFailed(Exception exception, long selfId, BotAccountState state);
}
