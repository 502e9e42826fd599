namespace CqBot.Hosting;

/// <summary>
/// Settings of a bot, read from the <c>CqBot</c> section of the configuration (appsettings.json,
/// <c>CQBOT_*</c> environment variables, the command line). Change them in code with
/// <c>builder.Services.Configure&lt;BotOptions&gt;(options =&gt; …)</c> before <see cref="BotApplicationBuilder.Build"/>;
/// services read them as <c>IOptions&lt;BotOptions&gt;</c>.
/// </summary>
public sealed class BotOptions
{
    /// <summary>
    /// The access token. When set, implementations must present it when they connect or post events
    /// (<c>Authorization: Bearer …</c> or <c>Token …</c>, or <c>?access_token=</c>), and CqBot sends it
    /// on its own API calls and forward WebSocket connections.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// The HTTP POST secret. When set, every posted event must carry a valid
    /// <c>X-Signature: sha1=…</c> HMAC of its body.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The implementation's HTTP API, for example <c>http://127.0.0.1:5700/</c>; used for an account's
    /// API calls when no WebSocket of that account carries them. Per-account roots in
    /// <see cref="Accounts"/> take precedence.
    /// </summary>
    public Uri? ApiRoot { get; set; }

    /// <summary>Settings of particular accounts, by QQ number.</summary>
    public IDictionary<long, AccountOptions> Accounts { get; } = new Dictionary<long, AccountOptions>();

    /// <summary>Implementations CqBot connects to by forward WebSocket.</summary>
    public IList<ForwardWebSocketOptions> ForwardWebSockets { get; } = [];

    /// <summary>Prefixes that mark a command, such as <c>/</c> or <c>!</c>; empty means none is needed.</summary>
    public IList<string> Prefixes { get; } = [];

    /// <summary>Names the bot answers to; a message starting with one is addressed to it.</summary>
    public IList<string> Nicknames { get; } = [];

    /// <summary>
    /// How long an API call may take, from the moment it is made: waiting for earlier calls' frames to go
    /// out, sending, and waiting for the response. A WebSocket whose frame cannot be sent within it (the
    /// implementation stopped reading) is closed, and the calls waiting on it fail at once with
    /// <see cref="NetworkException"/>. 60 seconds unless changed.
    /// </summary>
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The largest HTTP POST body and the largest WebSocket message accepted, in bytes; a larger body is
    /// answered with 413, and a WebSocket that sends a larger message is closed with 1009 (message too
    /// big) without reading the rest of it. 16 MiB unless changed.
    /// </summary>
    public long MaxBodySize { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// How long an HTTP POST waits for the handler before answering. A handler that finishes within it
    /// answers in the response (a quick operation); a slower one gets 204 at once and its answer is
    /// sent through the API when it is ready. One second unless changed.
    /// </summary>
    public TimeSpan QuickOperationWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// An account is marked offline when no heartbeat arrives within this many heartbeat intervals.
    /// 2.5 unless changed.
    /// </summary>
    public double HeartbeatTolerance { get; set; } = 2.5;

    /// <summary>
    /// How many events of one chat (a group, a private chat) may wait while an earlier event of that chat
    /// is being handled; 100 unless changed. When one more arrives, the chat's oldest waiting event is
    /// dropped (never one whose handlers have started, never a meta event), counted in
    /// <c>cqbot.events.refused</c> with reason <c>queue_full</c>, and logged once per chat every ten
    /// seconds with the number dropped. A dropped HTTP POST event is answered with 204.
    /// </summary>
    public int MaxQueuedEventsPerChat { get; set; } = 100;

    /// <summary>
    /// How many events may be taken and not yet finished (running or waiting), over all chats and
    /// accounts; 10,000 unless changed. Beyond it, a new event replaces the oldest waiting event of its
    /// own chat or, when its chat has none waiting, of the chat with the most waiting (so that a flood
    /// pays for itself, not a quiet chat); it is dropped itself only when nothing waits anywhere. Drops are
    /// counted and logged as with
    /// <see cref="MaxQueuedEventsPerChat"/>. Meta events (heartbeats, lifecycle) are never dropped.
    /// </summary>
    public int MaxPendingEvents { get; set; } = 10_000;

    /// <summary>
    /// How many bytes of events (as received) may be taken and not yet finished, over all chats and
    /// accounts; 16 MiB unless changed, and at least <see cref="MaxBodySize"/>. Beyond it, events are
    /// dropped as beyond <see cref="MaxPendingEvents"/>: the count alone does not bound memory when the
    /// events are large. An event held in memory takes up to about three times its size as received:
    /// its bytes, and the text read from them.
    /// </summary>
    public long MaxPendingBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How long shutdown waits for running handlers before cancelling them; 10 seconds unless changed.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait before a forward WebSocket reconnects; it doubles after each failure. One second unless changed.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between forward WebSocket reconnection attempts; 30 seconds unless changed.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an account that has no connection and sends no event is kept before it is forgotten.
    /// Accounts listed in <see cref="Accounts"/> are never forgotten. Ten minutes unless changed.
    /// </summary>
    public TimeSpan AccountIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// When true, only the accounts listed in <see cref="Accounts"/> are served: a connection or an
    /// event of any other QQ number is refused with 403. False unless changed.
    /// </summary>
    public bool ConfiguredAccountsOnly { get; set; }

    /// <summary>
    /// What happens when a second reverse WebSocket of an account arrives while one of the same role is
    /// open. <see cref="ConnectionReplacement.NewestWins"/> unless changed.
    /// </summary>
    public ConnectionReplacement ConnectionReplacement { get; set; } = ConnectionReplacement.NewestWins;

    /// <summary>Limits on outgoing messages.</summary>
    public SendRateLimitOptions RateLimit { get; } = new();

    /// <summary>Where users and channels are kept.</summary>
    public StorageOptions Storage { get; } = new();
}
