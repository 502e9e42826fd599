using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// The steps of the command flow that generated handlers call between their own: the before-command
/// listeners run after parsing, the checks and <c>-h</c>, just before the command's method.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CommandFlow
{
    /// <summary>
    /// Checks the command's authority and usage limits, then runs the before-command listeners: null lets
    /// the command run, a message (empty for silence) stops it. Completes at once and allocates nothing
    /// for a command without limits when the bot has no command listeners.
    /// </summary>
    public static ValueTask<Message?> BeforeCommandAsync(CommandContext context, ParsedCommand parsed)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parsed);
        return context.Command.HasLimits ? CheckLimitsFirstAsync(context, parsed) : RunHooksAsync(context, parsed);
    }

    private static async ValueTask<Message?> CheckLimitsFirstAsync(CommandContext context, ParsedCommand parsed)
    {
        if (await CommandLimits.CheckAsync(context).ConfigureAwait(false) is { } refusal)
        {
            context.Progress = Diagnostics.CommandProgress.Refused;
            return refusal;
        }
        return await RunHooksAsync(context, parsed).ConfigureAwait(false);
    }

    private static ValueTask<Message?> RunHooksAsync(CommandContext context, ParsedCommand parsed)
    {
        if (context.Table?.CommandHooks is not { } hooks)
        {
            context.Progress = Diagnostics.CommandProgress.Ran;
            return default;
        }
        var e = new CommandEvent(context, new CommandArguments(context.Command.Signature, parsed));
        context.Event = e;
        if (hooks.Before.Length == 0)
        {
            e.Ran = true;
            context.Progress = Diagnostics.CommandProgress.Ran;
            return default;
        }
        return RunAsync(hooks.Before, e);
    }

    private static async ValueTask<Message?> RunAsync(CommandListenerEntry[] listeners, CommandEvent e)
    {
        foreach (var entry in listeners)
        {
            if (entry.Owner is { } owner && !owner.Allows(e.Session.Event))
            {
                continue;
            }
            if (await entry.Gate!(e).ConfigureAwait(false) is { } stop)
            {
                e.Context.Progress = Diagnostics.CommandProgress.CheckRefused;
                return stop;
            }
        }
        e.Ran = true;
        e.Context.Progress = Diagnostics.CommandProgress.Ran;
        return null;
    }
}
