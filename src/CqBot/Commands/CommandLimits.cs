using CqBot.Data;

namespace CqBot;

/// <summary>
/// The built-in part of the before-command step: the command's <see cref="CommandDefinition.Authority"/>
/// against the user's, then one use counted against <see cref="CommandDefinition.MaxUsage"/> and
/// <see cref="CommandDefinition.MinInterval"/>, atomically in the store.
/// </summary>
internal static class CommandLimits
{
    /// <summary>Null when the command may run, else the refusal (empty for a silent one).</summary>
    public static async ValueTask<Message?> CheckAsync(CommandContext context)
    {
        var command = context.Command;
        var texts = context.Texts;
        if (context.Table?.Data is not { } data || context.Session.User is not { } user)
        {
            return texts.NoStorage;
        }
        if (user.Authority < command.Authority)
        {
            return texts.LowAuthority;
        }
        if (command.MaxUsage <= 0 && command.MinInterval <= TimeSpan.Zero)
        {
            return null;
        }
        CommandUsage usage;
        try
        {
            usage = await data.TryUseAsync(user.Id, command, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            throw new StoreFailureException(exception);
        }
        if (usage.Allowed)
        {
            return null;
        }
        if (command.MaxUsage > 0 && usage.Count >= command.MaxUsage)
        {
            return texts.UsageExhausted;
        }
        var left = command.MinInterval - (data.Time.GetUtcNow() - (usage.LastUsed ?? DateTimeOffset.MinValue));
        return texts.TooFrequent.Length == 0 ? Message.Empty : texts.Format(texts.TooFrequent, Math.Max(1, (long)Math.Ceiling(left.TotalSeconds)));
    }
}

/// <summary>The store failed while a command was checked or run; the user is told <see cref="CommandTexts.StorageUnavailable"/>.</summary>
internal sealed class StoreFailureException(Exception inner) : Exception("The bot's store failed: " + inner.Message, inner);
