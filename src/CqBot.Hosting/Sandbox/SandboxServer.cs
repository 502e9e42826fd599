using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace CqBot.Hosting.Sandbox;

/// <summary>A server that listens nowhere: the sandbox reaches the bot through its in-memory connection only.</summary>
internal sealed class SandboxServer : IServer
{
    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}

/// <summary>Registered when the command line asked for the sandbox; <see cref="BotApplication.RunAsync"/> looks for it.</summary>
internal sealed class SandboxMarker;
