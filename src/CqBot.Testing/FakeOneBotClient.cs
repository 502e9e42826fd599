using System.Globalization;
using System.Net.WebSockets;

namespace CqBot.Testing;

/// <summary>
/// Plays an OneBot implementation that connects to the bot by reverse WebSocket: one universal socket,
/// or an API socket and an event socket (split roles). It sends events, and answers the bot's API
/// calls by script (<see cref="Responder"/>) or by hand (<see cref="NextCallAsync"/>).
/// </summary>
public sealed class FakeOneBotClient : IAsyncDisposable
{
    private readonly ApiCallInbox _inbox;
    private readonly FakeSocket _api;
    private readonly FakeSocket _events;
    private readonly Task[] _receiving;

    private FakeOneBotClient(long selfId, ApiCallInbox inbox, FakeSocket api, FakeSocket events)
    {
        SelfId = selfId;
        _inbox = inbox;
        _api = api;
        _events = events;
        _receiving = ReferenceEquals(api, events) ? [api.RunAsync()] : [api.RunAsync(), events.RunAsync()];
    }

    /// <summary>The account this client plays.</summary>
    public long SelfId { get; }

    /// <summary>
    /// Answers calls automatically: return a reply, or null to leave the call to <see cref="NextCallAsync"/>.
    /// Runs on the receive loop; keep it quick.
    /// </summary>
    public Func<ApiCall, ApiReply?>? Responder
    {
        get => _inbox.Responder;
        set => _inbox.Responder = value;
    }

    /// <summary>Every call received so far, in order.</summary>
    public IReadOnlyList<ApiCall> Calls => _inbox.Recorded;

    /// <summary>Completes when the bot closes the API (or universal) socket or it drops, with the close status if any.</summary>
    public Task<WebSocketCloseStatus?> Closed => _api.Closed;

    /// <summary>Connects one universal socket to <paramref name="url"/>, such as <c>ws://127.0.0.1:8080/ws/</c>.</summary>
    public static async Task<FakeOneBotClient> ConnectAsync(Uri url, long selfId, FakeClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeClientOptions();
        var inbox = new ApiCallInbox(options.RecordCalls);
        var socket = await OpenAsync(url, selfId, "Universal", options, inbox, cancellationToken).ConfigureAwait(false);
        return new FakeOneBotClient(selfId, inbox, socket, socket);
    }

    /// <summary>Connects an API socket and an event socket, as implementations with split roles do.</summary>
    public static async Task<FakeOneBotClient> ConnectSplitAsync(Uri apiUrl, Uri eventUrl, long selfId, FakeClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeClientOptions();
        var inbox = new ApiCallInbox(options.RecordCalls);
        var api = await OpenAsync(apiUrl, selfId, "API", options, inbox, cancellationToken).ConfigureAwait(false);
        var events = await OpenAsync(eventUrl, selfId, "Event", options, inbox, cancellationToken).ConfigureAwait(false);
        return new FakeOneBotClient(selfId, inbox, api, events);
    }

    /// <summary>Sends an event (JSON text) on the event-carrying socket.</summary>
    public Task SendEventAsync(string json, CancellationToken cancellationToken = default) => _events.SendTextAsync(json, cancellationToken);

    /// <summary>Sends any text frame on the API (or universal) socket, such as a hand-written response.</summary>
    public Task SendRawAsync(string text, CancellationToken cancellationToken = default) => _api.SendTextAsync(text, cancellationToken);

    /// <summary>Waits for the next call that <see cref="Responder"/> left unanswered.</summary>
    public Task<ApiCall> NextCallAsync(TimeSpan timeout) => _inbox.NextAsync(timeout);

    /// <summary>True when the bot makes an unanswered call within <paramref name="timeout"/>.</summary>
    public Task<bool> AnyCallWithinAsync(TimeSpan timeout) => _inbox.AnyWithinAsync(timeout);

    /// <summary>Answers a call.</summary>
    public Task RespondAsync(ApiCall call, ApiReply reply) => (call.Source ?? _api).RespondAsync(call, reply);

    /// <summary>Answers a call with <c>status: ok</c> and <paramref name="dataJson"/>.</summary>
    public Task RespondOkAsync(ApiCall call, string dataJson = """{"message_id":1}""") => RespondAsync(call, ApiReply.Ok(dataJson));

    /// <summary>Drops the connection without a close handshake, as a crashed implementation would.</summary>
    public void Abort()
    {
        _api.Abort();
        _events.Abort();
    }

    /// <summary>Closes the sockets with a normal closure.</summary>
    public async ValueTask DisposeAsync()
    {
        await _api.CloseAsync().ConfigureAwait(false);
        if (!ReferenceEquals(_api, _events))
        {
            await _events.CloseAsync().ConfigureAwait(false);
        }
        await Task.WhenAll(_receiving).ConfigureAwait(false);
    }

    private static async Task<FakeSocket> OpenAsync(Uri url, long selfId, string role, FakeClientOptions options, ApiCallInbox inbox, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        var id = selfId.ToString(CultureInfo.InvariantCulture);
        socket.Options.SetRequestHeader("X-Self-ID", id);
        if (!options.OmitRole)
        {
            socket.Options.SetRequestHeader("X-Client-Role", role);
        }
        socket.Options.SetRequestHeader("User-Agent", "CqBot.Testing/1.0");
        if (options.AccessToken is { } token)
        {
            if (options.TokenInQuery)
            {
                url = new Uri(url + (url.Query.Length == 0 ? "?" : "&") + "access_token=" + Uri.EscapeDataString(token));
            }
            else
            {
                socket.Options.SetRequestHeader("Authorization", options.TokenScheme + " " + token);
            }
        }
        try
        {
            await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var fake = new FakeSocket(socket, inbox);
        if (options.SendLifecycleConnect && role != "API")
        {
            await fake.SendTextAsync(FakeEvents.LifecycleConnect(selfId), cancellationToken).ConfigureAwait(false);
        }
        return fake;
    }
}
