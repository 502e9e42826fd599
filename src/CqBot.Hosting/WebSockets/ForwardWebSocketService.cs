using System.Net.WebSockets;
using System.Text.Json;
using CqBot.Hosting.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting.WebSockets;

/// <summary>
/// Connects to implementations' forward WebSocket servers and keeps reconnecting, with a delay that
/// doubles after each failure up to <see cref="BotOptions.MaxReconnectDelay"/>. The account is learnt
/// from the first event (implementations push a lifecycle <c>connect</c>) or from <c>get_login_info</c>.
/// </summary>
internal sealed partial class ForwardWebSocketService(
    BotOptions options, BotAccounts accounts, EventIngress ingress, ConnectionTracker tracker, TimeProvider time, ILogger<ForwardWebSocketService> logger)
    : BackgroundService
{
    private readonly ILogger _logger = logger;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.ForwardWebSockets.Count == 0)
        {
            return Task.CompletedTask;
        }
        var loops = new Task[options.ForwardWebSockets.Count];
        for (var i = 0; i < loops.Length; i++)
        {
            loops[i] = KeepConnectedAsync(options.ForwardWebSockets[i], stoppingToken);
        }
        return Task.WhenAll(loops);
    }

    private async Task KeepConnectedAsync(ForwardWebSocketOptions endpoint, CancellationToken stoppingToken)
    {
        var url = endpoint.Url!;
        var role = RoleOf(url);
        var delay = options.ReconnectDelay;
        // Once shutdown has closed the sockets, do not dial again.
        while (!stoppingToken.IsCancellationRequested && !tracker.IsStopping)
        {
            var connected = false;
            try
            {
                using var socket = new ClientWebSocket();
                var token = endpoint.AccessToken ?? options.AccessToken;
                if (!string.IsNullOrEmpty(token))
                {
                    socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
                }
                using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    connectTimeout.CancelAfter(TimeSpan.FromSeconds(10));
                    await socket.ConnectAsync(url, connectTimeout.Token).ConfigureAwait(false);
                }
                connected = true;
                delay = options.ReconnectDelay;
                LogConnected(url, role);
                await RunConnectionAsync(socket, role, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
            {
                LogConnectFailed(url, exception.Message, delay.TotalSeconds);
            }
            if (tracker.IsStopping)
            {
                return;
            }
            if (connected)
            {
                LogDisconnected(url, delay.TotalSeconds);
            }
            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxReconnectDelay.Ticks));
        }
    }

    private async Task RunConnectionAsync(ClientWebSocket socket, ClientRole role, CancellationToken stoppingToken)
    {
        var connection = new OneBotWebSocket(socket, role, "forward", options.MaxBodySize, ingress, time, _logger);
        using var tracking = tracker.Track(connection);
        var receiving = connection.RunAsync(stoppingToken);
        try
        {
            if (role != ClientRole.Event)
            {
                await IdentifyAsync(connection).ConfigureAwait(false);
            }
            await receiving.ConfigureAwait(false);
        }
        finally
        {
            accounts.Detach(connection);
        }
    }

    /// <summary>Asks who the account is, unless an event told already.</summary>
    private async Task IdentifyAsync(OneBotWebSocket connection)
    {
        try
        {
            var response = await connection.CallAsync(new JsonObjectRequest("get_login_info"), options.ApiTimeout, connection.Closed).ConfigureAwait(false);
            if (connection.Account is not null)
            {
                return;
            }
            if (response.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("user_id"u8, out var id) && id.TryGetInt64(out var selfId) && selfId != 0)
            {
                accounts.Attach(selfId, connection)?.CloseReplacedInBackground();
            }
            else
            {
                LogUnidentified("get_login_info returned no user_id");
            }
        }
        catch (Exception exception) when (exception is ApiException or OperationCanceledException)
        {
            if (connection.Account is null && connection.IsOpen)
            {
                LogUnidentified(exception.Message);
            }
        }
    }

    internal static ClientRole RoleOf(Uri url)
    {
        var path = url.AbsolutePath.AsSpan().TrimEnd('/');
        return path.EndsWith("/api", StringComparison.OrdinalIgnoreCase) ? ClientRole.Api
            : path.EndsWith("/event", StringComparison.OrdinalIgnoreCase) ? ClientRole.Event
            : ClientRole.Universal;
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Connected to the forward WebSocket {Url} (role {Role}).")]
    private partial void LogConnected(Uri url, ClientRole role);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Could not connect to the forward WebSocket {Url}: {Reason} Retrying in {Seconds} s.")]
    private partial void LogConnectFailed(Uri url, string reason, double seconds);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "The forward WebSocket {Url} closed; reconnecting in {Seconds} s.")]
    private partial void LogDisconnected(Uri url, double seconds);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Warning, Message = "A forward WebSocket's account is not known yet ({Reason}); waiting for its first event.")]
    private partial void LogUnidentified(string reason);
}
