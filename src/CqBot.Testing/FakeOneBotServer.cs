using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CqBot.Testing;

/// <summary>
/// Plays an implementation that is the server: an HTTP API (<c>POST /&lt;action&gt;</c>) and a forward
/// WebSocket (<c>/</c> universal, <c>/api</c>, <c>/event</c>) on a free loopback port. It answers calls by
/// script or by hand, records them, and pushes events to the connected sockets.
/// </summary>
public sealed class FakeOneBotServer : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly ApiCallInbox _inbox;
    private readonly FakeServerOptions _options;
    private readonly ConcurrentDictionary<FakeSocket, string> _sockets = new();
    private readonly byte[]? _tokenHash;
    private int _handshakes;

    private FakeOneBotServer(WebApplication web, long selfId, FakeServerOptions options)
    {
        _web = web;
        SelfId = selfId;
        _options = options;
        _inbox = new ApiCallInbox(options.RecordCalls);
        _tokenHash = options.AccessToken is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.AccessToken));
        web.UseWebSockets();
        foreach (var path in (ReadOnlySpan<string>)["/", "/api", "/event"])
        {
            var role = path.TrimStart('/');
            web.Map(path, (RequestDelegate)(context => context.WebSockets.IsWebSocketRequest ? AcceptSocketAsync(context, role) : HandleHttpAsync(context)));
        }
        web.Map("/{action}", (RequestDelegate)HandleHttpAsync);
    }

    /// <summary>The account this server plays.</summary>
    public long SelfId { get; }

    /// <summary>The HTTP API root, such as <c>http://127.0.0.1:5700/</c>.</summary>
    public Uri HttpApiRoot { get; private set; } = null!;

    /// <summary>The universal forward WebSocket, <c>ws://…/</c>.</summary>
    public Uri WebSocketUrl { get; private set; } = null!;

    /// <summary>The API-only forward WebSocket, <c>ws://…/api</c>.</summary>
    public Uri ApiWebSocketUrl => new(WebSocketUrl, "api");

    /// <summary>The event-only forward WebSocket, <c>ws://…/event</c>.</summary>
    public Uri EventWebSocketUrl => new(WebSocketUrl, "event");

    /// <summary>Answers calls automatically: return a reply, or null to leave the call to <see cref="NextCallAsync"/>.</summary>
    public Func<ApiCall, ApiReply?>? Responder
    {
        get => _inbox.Responder;
        set => _inbox.Responder = value;
    }

    /// <summary>Every call received so far, in order.</summary>
    public IReadOnlyList<ApiCall> Calls => _inbox.Recorded;

    /// <summary>WebSockets open now.</summary>
    public int ConnectionCount => _sockets.Count;

    /// <summary>WebSocket handshakes seen so far, refused ones included.</summary>
    public int Handshakes => Volatile.Read(ref _handshakes);

    /// <summary>Starts on a free loopback port.</summary>
    public static async Task<FakeOneBotServer> StartAsync(long selfId, FakeServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new FakeOneBotServer(builder.Build(), selfId, options ?? new FakeServerOptions());
        await server._web.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = server._web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.HttpApiRoot = new Uri(address.TrimEnd('/') + "/");
        server.WebSocketUrl = new Uri(server.HttpApiRoot.AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Waits for the next call that <see cref="Responder"/> left unanswered.</summary>
    public Task<ApiCall> NextCallAsync(TimeSpan timeout) => _inbox.NextAsync(timeout);

    /// <summary>Answers a call by hand.</summary>
    public Task RespondAsync(ApiCall call, ApiReply reply)
    {
        if (call.HttpReply is { } http)
        {
            http.TrySetResult(reply);
            return Task.CompletedTask;
        }
        return call.Source!.RespondAsync(call, reply);
    }

    /// <summary>Waits until <paramref name="count"/> WebSockets are open.</summary>
    public async Task WaitForConnectionsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (ConnectionCount < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{ConnectionCount} of {count} WebSocket(s) connected within {timeout.TotalSeconds:0.###} s.");
            }
            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>Pushes an event to every open socket that carries events.</summary>
    public async Task SendEventAsync(string json, CancellationToken cancellationToken = default)
    {
        foreach (var (socket, role) in _sockets)
        {
            if (role != "api")
            {
                await socket.SendTextAsync(json, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Drops every WebSocket without a close handshake, as a restarting implementation would.</summary>
    public void DropConnections()
    {
        foreach (var socket in _sockets.Keys)
        {
            socket.Abort();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        DropConnections();
        await _web.StopAsync().ConfigureAwait(false);
        await _web.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AcceptSocketAsync(HttpContext context, string role)
    {
        Interlocked.Increment(ref _handshakes);
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }
        using var webSocket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var socket = new FakeSocket(webSocket, _inbox);
        _sockets[socket] = role;
        try
        {
            var receiving = socket.RunAsync();
            if (_options.SendLifecycleConnect && role != "api")
            {
                await socket.SendTextAsync(FakeEvents.LifecycleConnect(SelfId)).ConfigureAwait(false);
            }
            await receiving.ConfigureAwait(false);
        }
        finally
        {
            _sockets.TryRemove(socket, out _);
        }
    }

    private async Task HandleHttpAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }
        var action = context.Request.Path.Value!.Trim('/');
        var body = await ReadAllAsync(context.Request.BodyReader, context.RequestAborted).ConfigureAwait(false);
        ApiCall call;
        try
        {
            call = ApiCall.Parse(body.Length == 0 ? "{}"u8 : body, "http", action);
        }
        catch (System.Text.Json.JsonException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        call.HttpReply = new TaskCompletionSource<ApiReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reply = _inbox.Accept(call) ?? await call.HttpReply.Task.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        switch (reply.Kind)
        {
            case ApiReplyKind.HttpStatus:
                context.Response.StatusCode = reply.HttpStatus;
                return;
            case ApiReplyKind.None:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
                return;
            case ApiReplyKind.Disconnect:
                context.Abort();
                return;
        }
        var envelope = FakeJson.Envelope(reply, null);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = envelope.Length;
        await context.Response.Body.WriteAsync(envelope, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<bool> AuthorizeAsync(HttpContext context)
    {
        if (_tokenHash is null)
        {
            return true;
        }
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..] : context.Request.Query["access_token"].ToString();
        if (token.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return false;
        }
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), _tokenHash))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("wrong token", context.RequestAborted).ConfigureAwait(false);
            return false;
        }
        return true;
    }

    private static async Task<byte[]> ReadAllAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            foreach (var segment in result.Buffer)
            {
                buffer.Write(segment.Span);
            }
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return buffer.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"fake OneBot server for {SelfId} at {HttpApiRoot}");
}
