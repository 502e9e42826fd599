using CqBot.Hosting.Pipeline;
using CqBot.Hosting.WebSockets;
using Microsoft.Extensions.Hosting;

namespace CqBot.Hosting.Lifetime;

/// <summary>
/// Stops the bot in order: stop taking events, let running handlers finish (they may still call the
/// API over the open sockets), then close every WebSocket with a normal closure. Registered after the
/// web server so that it stops before it.
/// </summary>
internal sealed class GracefulShutdown(BotOptions options, EventPipeline pipeline, ConnectionTracker connections, TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await pipeline.DrainAsync(options.ShutdownTimeout, time, cancellationToken).ConfigureAwait(false);
        await connections.CloseAllAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
    }
}
