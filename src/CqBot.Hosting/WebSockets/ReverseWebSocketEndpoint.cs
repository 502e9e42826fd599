using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting.WebSockets;

/// <summary>
/// Accepts reverse WebSocket connections from OneBot implementations at <c>/ws/</c> (universal),
/// <c>/ws/api/</c> and <c>/ws/event/</c>. The account is named by the <c>X-Self-ID</c> header.
/// </summary>
internal sealed partial class ReverseWebSocketEndpoint(BotRuntime runtime, ILoggerFactory loggerFactory, IHostApplicationLifetime lifetime)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("CqBot.Hosting.ReverseWebSocket");

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("This endpoint accepts OneBot reverse WebSocket connections only.").ConfigureAwait(false);
            return;
        }
        if (!long.TryParse(context.Request.Headers["X-Self-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var selfId))
        {
            LogMissingSelfId(context.Connection.RemoteIpAddress?.ToString());
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("The X-Self-ID header with the bot's QQ number is required.").ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var connection = new ReverseWebSocketConnection(socket, selfId, runtime, _logger);
        var replaced = runtime.Attach(connection);
        if (replaced is not null)
        {
            LogReplaced(selfId);
            replaced.Abort();
        }
        LogConnected(selfId, context.Request.Headers["X-Client-Role"].ToString());
        try
        {
            await connection.RunAsync(lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        finally
        {
            runtime.Detach(connection);
            LogDisconnected(selfId);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Refused a WebSocket from {Remote}: no X-Self-ID header.")]
    private partial void LogMissingSelfId(string? remote);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Bot {SelfId} connected (role {Role}).")]
    private partial void LogConnected(long selfId, string role);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Bot {SelfId} disconnected.")]
    private partial void LogDisconnected(long selfId);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Bot {SelfId} reconnected; the older connection is replaced.")]
    private partial void LogReplaced(long selfId);
}
