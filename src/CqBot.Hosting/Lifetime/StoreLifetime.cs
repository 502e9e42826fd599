using CqBot.Data;
using CqBot.Hosting.Startup;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting.Lifetime;

/// <summary>
/// Opens the store when the bot starts (creating or migrating its schema) and, once running handlers
/// are done, writes what is left and closes it. A store that cannot be reached at start is not fatal:
/// the bot starts, tells users the store is unavailable, and tries again with each message.
/// </summary>
internal sealed partial class StoreLifetime(StoreHolder holder, ILogger<StoreLifetime> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (holder.Data is not { } data)
        {
            return;
        }
        try
        {
            await data.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StoreSchemaException exception)
        {
            throw new BotStartupException(exception.Message, BotStartupException.CannotStartExitCode, exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreUnavailable(exception, data.Store.GetType().Name);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (holder.Data is not { } data)
        {
            return;
        }
        await data.DisposeAsync().ConfigureAwait(false);
        await data.Store.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "The {Store} could not be opened at start; messages are answered with the storage error until it can.")]
    private partial void LogStoreUnavailable(Exception exception, string store);
}

/// <summary>The bot's data, or null for a bot configured to store nothing.</summary>
internal sealed record StoreHolder(BotData? Data);
