using System.Diagnostics;
using CqBot.Hosting.Accounts;
using CqBot.Hosting.Diagnostics;
using CqBot.Hosting.Protocol;
using CqBot.Hosting.WebSockets;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting.Pipeline;

/// <summary>
/// Where every transport hands its events: notes heartbeats and lifecycle events on the account,
/// then queues the event for its handlers.
/// </summary>
internal sealed partial class EventIngress : IEventSink
{
    private readonly BotAccounts _accounts;
    private readonly EventPipeline _pipeline;
    private readonly EventDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public EventIngress(BotAccounts accounts, EventPipeline pipeline, EventDispatcher dispatcher, TimeProvider time, RefusalLog refusals, ILogger<EventIngress> logger)
    {
        Refusals = refusals;
        _dispatcher = dispatcher;
        _accounts = accounts;
        _pipeline = pipeline;
        _time = time;
        _logger = logger;
    }

    /// <summary>Where every transport counts and logs what it refuses.</summary>
    public RefusalLog Refusals { get; }

    /// <summary>
    /// An event from a WebSocket. A forward socket learns its account from the first one; after that, an
    /// event of another account (another <c>self_id</c>) is skipped, never handled under the socket's.
    /// </summary>
    public void OnEvent(OneBotWebSocket source, Event @event)
    {
        var account = source.Account;
        if (account is null)
        {
            if (@event.SelfId == 0)
            {
                if (Refusals.Refuse(Transports.OfWebSocket(source.Origin), RefusalReasons.NoSelfId))
                {
                    LogNoSelfId(source.Origin);
                }
                return;
            }
            if (!_accounts.IsServed(@event.SelfId))
            {
                if (Refusals.Refuse(Transports.OfWebSocket(source.Origin), RefusalReasons.UnknownAccount))
                {
                    LogUnknownAccount(@event.SelfId, source.Origin);
                }
                _ = CloseRefusedAsync(source, "account not configured");
                return;
            }
            if (!_accounts.TryAttach(@event.SelfId, source, source.Origin, out var replaced))
            {
                Refusals.Refuse(Transports.OfWebSocket(source.Origin), RefusalReasons.Conflict);
                _ = CloseRefusedAsync(source, "another connection of the account is open");
                return;
            }
            replaced?.CloseReplacedInBackground();
            account = source.Account!;
        }
        else if (@event.SelfId != account.SelfId)
        {
            if (Refusals.Refuse(Transports.OfWebSocket(source.Origin), RefusalReasons.SelfIdMismatch))
            {
                LogSelfIdMismatch(@event.PostType, @event.SelfId, account.SelfId, source.Origin);
            }
            return;
        }
        Accept(account, @event, Transports.OfWebSocket(source.Origin), null);
    }

    private static async Task CloseRefusedAsync(OneBotWebSocket source, string reason)
    {
        try
        {
            await source.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, reason, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is System.Net.WebSockets.WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // The socket is gone either way.
        }
    }

    /// <summary>
    /// Queues an event that came by <paramref name="transport"/>; false when the bot is shutting down.
    /// True also when the queue limits dropped it (or an older event of its chat): a dropped event's
    /// <paramref name="reply"/> and <paramref name="done"/> are completed at once.
    /// </summary>
    public bool Accept(BotAccount account, Event @event, string transport, HttpReplySlot? reply, TaskCompletionSource? done = null)
    {
        account.LastEvent = _time.GetUtcNow();
        long received = 0;
        if (HostingMetrics.EventsObserved)
        {
            received = Stopwatch.GetTimestamp();
            if (HostingMetrics.EventsReceived.Enabled)
            {
                HostingMetrics.EventsReceived.Add(1, new TagList
                {
                    { HostingTags.Account, account.AccountTag },
                    { HostingTags.PostType, @event.PostType },
                    { HostingTags.Transport, transport },
                });
            }
        }
        var channel = EventFacts.ChannelOf(@event);
        if (EventFacts.IsMetaEvent(@event))
        {
            // Queued apart from chatless notices: the queue limits never drop a meta event.
            channel = channel with { Kind = ChannelKind.Meta };
            switch (EventFacts.MetaEventType(@event))
            {
                case "heartbeat" when @event is HeartbeatEvent heartbeat:
                    var (interval, online) = EventFacts.ReadHeartbeat(heartbeat);
                    _accounts.OnHeartbeat(account, interval, online);
                    break;
                case "lifecycle":
                    LogLifecycle(account.SelfId, EventFacts.SubType(@event) ?? "unknown");
                    break;
            }
        }
        // The answer to a waiting prompt goes to it before the chat's ordering, and nowhere else.
        if (_dispatcher.TryDeliverToConversation(@event, done))
        {
            reply?.TryComplete(null);
            return true;
        }
        // An HTTP POST waits for the handler anyway: start it on the request's thread.
        var work = new EventWork(account, @event, channel, reply, done) { Transport = transport, Received = received };
        if (_pipeline.TryEnqueue(work, startInline: reply is not null))
        {
            return true;
        }
        if (Refusals.Refuse(transport, RefusalReasons.ShuttingDown))
        {
            LogDropped(account.SelfId, @event.PostType);
        }
        return false;
    }

    [LoggerMessage(EventId = 2520, Level = LogLevel.Warning, Message = "An event from a {Origin} WebSocket has no self_id; it was skipped.")]
    private partial void LogNoSelfId(string origin);

    [LoggerMessage(EventId = 2521, Level = LogLevel.Warning, Message = "A {PostType} event of bot {SelfId} arrived during shutdown and was not handled.")]
    private partial void LogDropped(long selfId, string postType);

    [LoggerMessage(EventId = 2523, Level = LogLevel.Warning, Message = "A {PostType} event with self_id {EventSelfId} came on a {Origin} WebSocket of bot {SelfId}; it was skipped.")]
    private partial void LogSelfIdMismatch(string postType, long eventSelfId, long selfId, string origin);

    [LoggerMessage(EventId = 2524, Level = LogLevel.Warning, Message = "A {Origin} WebSocket sent events of bot {SelfId}, which is not configured (CqBot:ConfiguredAccountsOnly); it is closed.")]
    private partial void LogUnknownAccount(long selfId, string origin);

    [LoggerMessage(EventId = 2522, Level = LogLevel.Information, Message = "Bot {SelfId} lifecycle: {SubType}.")]
    private partial void LogLifecycle(long selfId, string subType);
}
