using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using CqBot.Hosting.Authentication;
using CqBot.Hosting.Diagnostics;
using CqBot.Hosting.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CqBot.Hosting.WebSockets;

/// <summary>
/// Accepts reverse WebSockets from implementations at <c>/ws/</c>, <c>/ws/api/</c> and <c>/ws/event/</c>.
/// The role comes from <c>X-Client-Role</c> (any case); without it the path decides, and <c>/ws/</c>
/// means universal. <c>X-Self-ID</c> names the account; a newer socket of the same account and role
/// replaces the older one, whose pending calls fail at once.
/// </summary>
internal sealed partial class ReverseWebSocketEndpoint(
    BotOptions options, BotAccounts accounts, EventIngress ingress, AccessTokenValidator tokens, ConnectionTracker tracker,
    IOptions<WebSocketOptions> webSocketOptions, TimeProvider time, RefusalLog refusals, ILogger<ReverseWebSocketEndpoint> logger)
{
    // RFC 6455, 1.3: appended to the client's key to prove the server understood the handshake.
    private const string WebSocketKeyGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly ILogger _logger = logger;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "This endpoint accepts OneBot reverse WebSocket connections only.").ConfigureAwait(false);
            return;
        }
        // An account with a token of its own must present that one (CqBot:Accounts:<qq>:AccessToken).
        switch (tokens.Check(request, long.TryParse(request.Headers["X-Self-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var claimed) ? claimed : 0))
        {
            case CredentialCheck.Missing:
                if (refusals.Refuse(Transports.ReverseWebSocket, RefusalReasons.Unauthorized))
                {
                    LogRefused(Remote(context), "no access token");
                }
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "An access token is required.").ConfigureAwait(false);
                return;
            case CredentialCheck.Wrong:
                if (refusals.Refuse(Transports.ReverseWebSocket, RefusalReasons.Forbidden))
                {
                    LogRefused(Remote(context), "a wrong access token");
                }
                await RefuseAsync(context, StatusCodes.Status403Forbidden, "The access token is wrong.").ConfigureAwait(false);
                return;
        }
        if (!long.TryParse(request.Headers["X-Self-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var selfId) || selfId == 0)
        {
            if (refusals.Refuse(Transports.ReverseWebSocket, RefusalReasons.NoSelfId))
            {
                LogRefused(Remote(context), "no X-Self-ID header");
            }
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "The X-Self-ID header with the bot's QQ number is required.").ConfigureAwait(false);
            return;
        }
        if (!TryReadRole(request, out var role))
        {
            if (refusals.Refuse(Transports.ReverseWebSocket, RefusalReasons.BadRole))
            {
                LogRefused(Remote(context), "an unknown X-Client-Role");
            }
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "X-Client-Role must be Universal, API or Event.").ConfigureAwait(false);
            return;
        }
        if (!accounts.IsServed(selfId))
        {
            if (refusals.Refuse(Transports.ReverseWebSocket, RefusalReasons.UnknownAccount))
            {
                LogRefused(Remote(context), $"bot {selfId} is not configured");
            }
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "This bot serves only its configured accounts.").ConfigureAwait(false);
            return;
        }
        if (accounts.Blocking(selfId, role) is { } holder)
        {
            if (refusals.Refuse(Transports.ReverseWebSocket, RefusalReasons.Conflict))
            {
                LogRefused(Remote(context), $"bot {selfId} already has an open connection from {holder} (ConnectionReplacement is FirstWinsWhileAlive)");
            }
            await RefuseAsync(context, StatusCodes.Status409Conflict, "Another connection of this bot is open.").ConfigureAwait(false);
            return;
        }
        // Refused from the start of shutdown, while running handlers drain: this socket's events
        // would be dropped, so it is refused as an HTTP POST is then.
        if (tracker.RefusesNew)
        {
            if (refusals.Refuse(Transports.ReverseWebSocket, RefusalReasons.ShuttingDown))
            {
                LogRefused(Remote(context), "the bot is shutting down");
            }
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "The bot is shutting down.").ConfigureAwait(false);
            return;
        }

        using var socket = await AcceptAsync(context).ConfigureAwait(false);
        var connection = new OneBotWebSocket(socket, role, "reverse", options.MaxBodySize, ingress, time, _logger);
        var remote = context.Connection.RemoteIpAddress is { } address ? address + ":" + context.Connection.RemotePort.ToString(CultureInfo.InvariantCulture) : "unknown";
        if (!accounts.TryAttach(selfId, connection, remote, out var replaced))
        {
            // Another connection won the race since the check above.
            refusals.Refuse(Transports.ReverseWebSocket, RefusalReasons.Conflict);
            try
            {
                await socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, "another connection of the bot is open", context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is System.Net.WebSockets.WebSocketException or IOException or OperationCanceledException)
            {
                // The peer is gone already.
            }
            return;
        }
        replaced?.CloseReplacedInBackground();
        using var tracking = tracker.Track(connection);
        try
        {
            await connection.RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            accounts.Detach(connection);
        }
        if (connection.BrokeProtocol)
        {
            await LingerAsync(context).ConfigureAwait(false);
        }
    }

    // The handshake is answered here rather than by the WebSocket middleware so that the socket reads
    // through ClientFrameGuardStream, which fails unmasked client frames with 1002; the runtime's
    // WebSocket accepts them. Upgrades other than HTTP/1.1's (HTTP/2 extended CONNECT) go the usual way.
    private async Task<WebSocket> AcceptAsync(HttpContext context)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true })
        {
            return await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        }
        var key = context.Request.Headers.SecWebSocketKey.ToString();
        var headers = context.Response.Headers;
        headers.Connection = "Upgrade";
        headers.Upgrade = "websocket";
        headers.SecWebSocketAccept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + WebSocketKeyGuid)));
        var stream = await upgrade.UpgradeAsync().ConfigureAwait(false);
        var settings = webSocketOptions.Value;
        return WebSocket.CreateFromStream(new ClientFrameGuardStream(stream), new WebSocketCreationOptions
        {
            IsServer = true,
            KeepAliveInterval = settings.KeepAliveInterval,
            KeepAliveTimeout = settings.KeepAliveTimeout,
        });
    }

    // Ending the request at once resets the connection, and the peer may lose the close frame that
    // says what it did wrong. Wait (briefly) until it has read the frame and hung up.
    private async Task LingerAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), time, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    internal static bool TryReadRole(HttpRequest request, out ClientRole role)
    {
        var header = request.Headers["X-Client-Role"].ToString();
        if (header.Length == 0)
        {
            var path = request.Path.Value.AsSpan().TrimEnd('/');
            role = path.EndsWith("/api", StringComparison.OrdinalIgnoreCase) ? ClientRole.Api
                : path.EndsWith("/event", StringComparison.OrdinalIgnoreCase) ? ClientRole.Event
                : ClientRole.Universal;
            return true;
        }
        if (header.Equals("Universal", StringComparison.OrdinalIgnoreCase))
        {
            role = ClientRole.Universal;
            return true;
        }
        if (header.Equals("API", StringComparison.OrdinalIgnoreCase))
        {
            role = ClientRole.Api;
            return true;
        }
        if (header.Equals("Event", StringComparison.OrdinalIgnoreCase))
        {
            role = ClientRole.Event;
            return true;
        }
        role = default;
        return false;
    }

    private static string Remote(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static Task RefuseAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        return context.Response.WriteAsync(text);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Refused a WebSocket from {Remote}: {Reason}.")]
    private partial void LogRefused(string remote, string reason);
}
