using System.Globalization;
using CqBot.Hosting.Authentication;
using CqBot.Hosting.Diagnostics;
using CqBot.Hosting.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting.WebSockets;

/// <summary>
/// Accepts reverse WebSockets from implementations at <c>/ws/</c>, <c>/ws/api/</c> and <c>/ws/event/</c>.
/// The role comes from <c>X-Client-Role</c> (any case); without it the path decides, and <c>/ws/</c>
/// means universal. <c>X-Self-ID</c> names the account; a newer socket of the same account and role
/// replaces the older one, whose pending calls fail at once.
/// </summary>
internal sealed partial class ReverseWebSocketEndpoint(
    BotAccounts accounts, EventIngress ingress, AccessTokenValidator tokens, ConnectionTracker tracker, TimeProvider time, ILogger<ReverseWebSocketEndpoint> logger)
{
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
                LogRefused(Remote(context), "no access token");
                HostingMetrics.Refused(Transports.ReverseWebSocket, RefusalReasons.Unauthorized);
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "An access token is required.").ConfigureAwait(false);
                return;
            case CredentialCheck.Wrong:
                LogRefused(Remote(context), "a wrong access token");
                HostingMetrics.Refused(Transports.ReverseWebSocket, RefusalReasons.Forbidden);
                await RefuseAsync(context, StatusCodes.Status403Forbidden, "The access token is wrong.").ConfigureAwait(false);
                return;
        }
        if (!long.TryParse(request.Headers["X-Self-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var selfId) || selfId == 0)
        {
            LogRefused(Remote(context), "no X-Self-ID header");
            HostingMetrics.Refused(Transports.ReverseWebSocket, RefusalReasons.NoSelfId);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "The X-Self-ID header with the bot's QQ number is required.").ConfigureAwait(false);
            return;
        }
        if (!TryReadRole(request, out var role))
        {
            LogRefused(Remote(context), "an unknown X-Client-Role");
            HostingMetrics.Refused(Transports.ReverseWebSocket, RefusalReasons.BadRole);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "X-Client-Role must be Universal, API or Event.").ConfigureAwait(false);
            return;
        }
        if (!accounts.IsServed(selfId))
        {
            LogRefused(Remote(context), $"bot {selfId} is not configured");
            HostingMetrics.Refused(Transports.ReverseWebSocket, RefusalReasons.UnknownAccount);
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "This bot serves only its configured accounts.").ConfigureAwait(false);
            return;
        }
        if (accounts.Blocking(selfId, role) is { } holder)
        {
            LogRefused(Remote(context), $"bot {selfId} already has an open connection from {holder} (ConnectionReplacement is FirstWinsWhileAlive)");
            HostingMetrics.Refused(Transports.ReverseWebSocket, RefusalReasons.Conflict);
            await RefuseAsync(context, StatusCodes.Status409Conflict, "Another connection of this bot is open.").ConfigureAwait(false);
            return;
        }
        if (tracker.IsStopping)
        {
            HostingMetrics.Refused(Transports.ReverseWebSocket, RefusalReasons.ShuttingDown);
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "The bot is shutting down.").ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var connection = new OneBotWebSocket(socket, role, "reverse", ingress, time, _logger);
        var remote = context.Connection.RemoteIpAddress is { } address ? address + ":" + context.Connection.RemotePort.ToString(CultureInfo.InvariantCulture) : "unknown";
        if (!accounts.TryAttach(selfId, connection, remote, out var replaced))
        {
            // Another connection won the race since the check above.
            HostingMetrics.Refused(Transports.ReverseWebSocket, RefusalReasons.Conflict);
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
