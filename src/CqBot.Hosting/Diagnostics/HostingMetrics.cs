using System.Diagnostics;
using System.Diagnostics.Metrics;
using CqBot.Hosting.Pipeline;

namespace CqBot.Hosting.Diagnostics;

/// <summary>
/// Hosting's instruments, on a meter named <c>CqBot</c> like the core's: events received and refused,
/// how long events took, the send rate limit, the per-chat backlog and the connections. Static, as the
/// core's, so that a listener or exporter needs one name; the gauges read the accounts and pipelines of
/// every application running in the process, which register themselves while they live. Tags are
/// bounded: the account (the bot's own QQ number, one per served account), the post type, the
/// transport, a refusal reason, a connection role; never a user, a group or text.
/// </summary>
internal static class HostingMetrics
{
    public const string Name = "CqBot";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource Source = new(Name);

    public static readonly Counter<long> EventsReceived = Meter.CreateCounter<long>(
        "cqbot.events.received", "{event}", "Events received, by account, post type and transport.");

    public static readonly Counter<long> EventsRefused = Meter.CreateCounter<long>(
        "cqbot.events.refused", "{event}", "Events (or connections that would carry them) refused, by transport and reason.");

    public static readonly Histogram<double> EventDuration = Meter.CreateHistogram(
        "cqbot.event.duration", "s", "Time from receiving an event to the end of its handlers and its answer, by account, post type and transport.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });

    public static readonly Counter<long> SendDelayed = Meter.CreateCounter<long>(
        "cqbot.send.delayed", "{message}", "Messages that waited for the account's send rate limit, by account.");

    public static readonly Counter<long> SendRefused = Meter.CreateCounter<long>(
        "cqbot.send.refused", "{message}", "Messages dropped because the account's send queue was full, by account.");

    private static readonly object s_gate = new();
    private static BotAccounts[] s_accounts = [];
    private static EventPipeline[] s_pipelines = [];

    static HostingMetrics()
    {
        Meter.CreateObservableGauge("cqbot.send.queue_depth", ObserveQueueDepth, "{message}", "Messages waiting for the account's send rate limit, by account.");
        Meter.CreateObservableGauge("cqbot.events.backlog", ObserveBacklog, "{event}", "Events waiting behind an earlier event of their chat.");
        Meter.CreateObservableGauge("cqbot.events.backlog.max", ObserveLongestBacklog, "{event}", "Events waiting in the chat with the longest queue.");
        Meter.CreateObservableGauge("cqbot.events.active", ObserveActive, "{event}", "Events taken and not yet finished.");
        Meter.CreateObservableGauge("cqbot.accounts.connected", ObserveConnectedAccounts, "{account}", "Accounts with at least one connection.");
        Meter.CreateObservableGauge("cqbot.connections", ObserveConnections, "{connection}", "Open WebSockets, by role and origin.");
    }

    /// <summary>True when something listens to the event instruments or activities.</summary>
    public static bool EventsObserved => EventsReceived.Enabled || EventDuration.Enabled || Source.HasListeners();

    public static void Register(BotAccounts accounts)
    {
        lock (s_gate)
        {
            s_accounts = [.. s_accounts, accounts];
        }
    }

    public static void Unregister(BotAccounts accounts)
    {
        lock (s_gate)
        {
            s_accounts = Array.FindAll(s_accounts, a => !ReferenceEquals(a, accounts));
        }
    }

    public static void Register(EventPipeline pipeline)
    {
        lock (s_gate)
        {
            s_pipelines = [.. s_pipelines, pipeline];
        }
    }

    public static void Unregister(EventPipeline pipeline)
    {
        lock (s_gate)
        {
            s_pipelines = Array.FindAll(s_pipelines, p => !ReferenceEquals(p, pipeline));
        }
    }

    /// <summary>Counts a refusal; <paramref name="reason"/> is one of <see cref="RefusalReasons"/>.</summary>
    public static void Refused(string transport, string reason)
    {
        if (EventsRefused.Enabled)
        {
            EventsRefused.Add(1, new KeyValuePair<string, object?>(HostingTags.Transport, transport), new KeyValuePair<string, object?>(HostingTags.ErrorType, reason));
        }
    }

    private static IEnumerable<Measurement<int>> ObserveQueueDepth()
    {
        var list = new List<Measurement<int>>();
        foreach (var accounts in Volatile.Read(ref s_accounts))
        {
            foreach (var account in accounts.All)
            {
                if (account.IsRateLimited)
                {
                    list.Add(new Measurement<int>(account.LimiterIfMade?.Queued ?? 0, new KeyValuePair<string, object?>(HostingTags.Account, account.AccountTag)));
                }
            }
        }
        return list;
    }

    private static int ObserveBacklog()
    {
        var total = 0;
        foreach (var pipeline in Volatile.Read(ref s_pipelines))
        {
            total += pipeline.Backlog(out _);
        }
        return total;
    }

    private static int ObserveLongestBacklog()
    {
        var longest = 0;
        foreach (var pipeline in Volatile.Read(ref s_pipelines))
        {
            pipeline.Backlog(out var max);
            longest = Math.Max(longest, max);
        }
        return longest;
    }

    private static int ObserveActive()
    {
        var total = 0;
        foreach (var pipeline in Volatile.Read(ref s_pipelines))
        {
            total += pipeline.InFlight;
        }
        return total;
    }

    private static int ObserveConnectedAccounts()
    {
        var count = 0;
        foreach (var accounts in Volatile.Read(ref s_accounts))
        {
            foreach (var account in accounts.All)
            {
                if (account.HasConnections || account.InMemory is not null)
                {
                    count++;
                }
            }
        }
        return count;
    }

    private static IEnumerable<Measurement<int>> ObserveConnections()
    {
        // Every role and origin is reported, zero included, so that a series drops to 0 instead of vanishing.
        Span<int> counts = stackalloc int[6];
        foreach (var accounts in Volatile.Read(ref s_accounts))
        {
            foreach (var account in accounts.All)
            {
                foreach (var connection in account.Connections)
                {
                    if (connection.IsOpen)
                    {
                        counts[((int)connection.Role * 2) + (connection.Origin == "forward" ? 1 : 0)]++;
                    }
                }
            }
        }
        var list = new List<Measurement<int>>(6);
        for (var i = 0; i < counts.Length; i++)
        {
            list.Add(new Measurement<int>(counts[i],
                new KeyValuePair<string, object?>(HostingTags.ConnectionRole, RoleNames[i / 2]),
                new KeyValuePair<string, object?>(HostingTags.ConnectionOrigin, (i & 1) == 0 ? "reverse" : "forward")));
        }
        return list;
    }

    private static readonly string[] RoleNames = ["universal", "api", "event"];
}

/// <summary>Hosting's tag names.</summary>
internal static class HostingTags
{
    public const string Account = "cqbot.account";
    public const string PostType = "cqbot.post_type";
    public const string ChatKind = "cqbot.chat";
    public const string Transport = "cqbot.transport";
    public const string ConnectionRole = "cqbot.connection.role";
    public const string ConnectionOrigin = "cqbot.connection.origin";
    public const string ErrorType = "error.type";
}

/// <summary>The <c>cqbot.transport</c> tag values.</summary>
internal static class Transports
{
    public const string ReverseWebSocket = "reverse_ws";
    public const string ForwardWebSocket = "forward_ws";
    public const string HttpPost = "http_post";
    public const string InMemory = "in_memory";

    public static string OfWebSocket(string origin) => origin == "forward" ? ForwardWebSocket : ReverseWebSocket;
}

/// <summary>The <c>error.type</c> values of <c>cqbot.events.refused</c>.</summary>
internal static class RefusalReasons
{
    /// <summary>No access token, or no <c>X-Signature</c> (401).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>A wrong access token or signature (403).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>A body over the size limit (413).</summary>
    public const string TooLarge = "too_large";

    /// <summary>Not OneBot JSON.</summary>
    public const string ParseError = "parse_error";

    /// <summary>A WebSocket frame that breaks RFC 6455 (closed with 1002 or 1007).</summary>
    public const string ProtocolError = "protocol_error";

    /// <summary>A JSON object without <c>post_type</c>.</summary>
    public const string NotAnEvent = "not_an_event";

    /// <summary>No <c>X-Self-ID</c> and no <c>self_id</c>: the event belongs to no account.</summary>
    public const string NoSelfId = "no_self_id";

    /// <summary>An unknown <c>X-Client-Role</c> on a reverse WebSocket.</summary>
    public const string BadRole = "bad_role";

    /// <summary>The bot is shutting down.</summary>
    public const string ShuttingDown = "shutting_down";

    /// <summary>
    /// Too many events were waiting: in the event's chat (<see cref="BotOptions.MaxQueuedEventsPerChat"/>)
    /// or in total (<see cref="BotOptions.MaxPendingEvents"/>); the chat's oldest waiting event was dropped.
    /// </summary>
    public const string QueueFull = "queue_full";

    /// <summary>An account that is not configured, with <c>CqBot:ConfiguredAccountsOnly</c> (403).</summary>
    public const string UnknownAccount = "unknown_account";

    /// <summary>An event whose <c>self_id</c> is not the account of its connection or of its <c>X-Self-ID</c> (403).</summary>
    public const string SelfIdMismatch = "self_id_mismatch";

    /// <summary>A second connection of an account while the first is open, with <c>FirstWinsWhileAlive</c> (409).</summary>
    public const string Conflict = "connection_conflict";
}
