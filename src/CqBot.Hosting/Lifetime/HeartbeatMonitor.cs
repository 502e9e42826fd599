using Microsoft.Extensions.Hosting;

namespace CqBot.Hosting.Lifetime;

/// <summary>Once a second, marks accounts whose heartbeats stopped as offline.</summary>
internal sealed class HeartbeatMonitor(BotAccounts accounts, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                accounts.CheckHeartbeats();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
