using CqBot.Hosting.Pipeline;
using CqBot.Hosting.WebSockets;
using Microsoft.Extensions.Hosting;

namespace CqBot.Hosting.Lifetime;

/// <summary>
/// Stops the bot in order: stop taking events, let running handlers finish (they may still call the
/// API over the open sockets), then close every WebSocket with a close handshake. It runs in the
/// host's "stopping" phase, before the web server stops, so that the server does not wait on sockets
/// that nobody closes.
/// </summary>
internal sealed class GracefulShutdown(BotOptions options, EventPipeline pipeline, ConnectionTracker connections, TimeProvider time) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        connections.RefuseNew();
        await pipeline.DrainAsync(options.ShutdownTimeout, time, cancellationToken).ConfigureAwait(false);
        await connections.CloseAllAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
