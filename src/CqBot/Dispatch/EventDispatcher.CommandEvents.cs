using Microsoft.Extensions.Logging;

namespace CqBot;

public sealed partial class EventDispatcher
{
    private CommandListenerEntry[] _commandListeners = [];

    /// <inheritdoc />
    public IDisposable OnBeforeCommand(Func<CommandEvent, ValueTask<Message?>> listener) => OnBeforeCommand(listener, owner: null);

    /// <inheritdoc />
    public IDisposable OnCommand(Func<CommandEvent, ValueTask> listener) => OnCommand(listener, owner: null);

    /// <inheritdoc />
    public IDisposable OnAfterCommand(Func<CommandEvent, ValueTask> listener) => OnAfterCommand(listener, owner: null);

    internal IDisposable OnBeforeCommand(Func<CommandEvent, ValueTask<Message?>> listener, PluginHandle? owner)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return Add(new CommandListenerEntry(CommandStage.Before, listener, null, owner));
    }

    internal IDisposable OnCommand(Func<CommandEvent, ValueTask> listener, PluginHandle? owner)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return Add(new CommandListenerEntry(CommandStage.Run, null, listener, owner));
    }

    internal IDisposable OnAfterCommand(Func<CommandEvent, ValueTask> listener, PluginHandle? owner)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return Add(new CommandListenerEntry(CommandStage.After, null, listener, owner));
    }

    private Registration Add(CommandListenerEntry entry)
    {
        lock (_gate)
        {
            _commandListeners = [.. _commandListeners, entry];
            Publish();
        }
        return new Registration(this, entry);
    }

    // Null when nobody listens, so a command without listeners pays one null check.
    private CommandHooks? BuildCommandHooks() => _commandListeners.Length == 0 ? null : new CommandHooks(_commandListeners);

    /// <summary>
    /// Runs the command listeners of a command that ran, and keeps the event for the after-command
    /// listeners, which run once the answer was sent (<see cref="AnswerSentAsync"/>).
    /// </summary>
    internal async ValueTask RaiseCommandAsync(CommandHooks hooks, CommandEvent e)
    {
        await RaiseAsync(hooks.Run, e, "command").ConfigureAwait(false);
        if (hooks.After.Length > 0)
        {
            e.Session.AnsweredCommands = e.Session.AnsweredCommands is { } earlier ? [.. earlier, (hooks, e)] : [(hooks, e)];
        }
    }

    /// <summary>
    /// Tells the dispatcher that the answer to <paramref name="session"/>'s event was sent (or that there
    /// was none): the after-command listeners of its commands run now. A host calls this after sending;
    /// <see cref="DispatchAsync"/> does it itself. Does nothing when no command ran.
    /// </summary>
    public ValueTask AnswerSentAsync(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.AnsweredCommands is null ? default : RaiseAfterCommandsAsync(session);
    }

    private async ValueTask RaiseAfterCommandsAsync(Session session)
    {
        var answered = session.AnsweredCommands!;
        session.AnsweredCommands = null;
        foreach (var (hooks, e) in answered)
        {
            await RaiseAsync(hooks.After, e, "after-command").ConfigureAwait(false);
        }
    }

    private async ValueTask RaiseAsync(CommandListenerEntry[] entries, CommandEvent e, string name)
    {
        foreach (var entry in entries)
        {
            if (entry.Owner is { } owner && !owner.Allows(e.Session.Event))
            {
                continue;
            }
            try
            {
                await entry.Observer!(e).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !e.Session.CancellationToken.IsCancellationRequested)
            {
                LogCommandListenerFailed(exception, name, e.Command.Name);
                RaiseError(e.Session, exception);
            }
        }
    }

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "A listener for the {EventName} event of command '{Command}' failed.")]
    private partial void LogCommandListenerFailed(Exception exception, string eventName, string command);
}

internal enum CommandStage
{
    Before,
    Run,
    After,
}

/// <summary>A before-command, command or after-command listener as the dispatcher keeps it.</summary>
internal sealed class CommandListenerEntry(CommandStage stage, Func<CommandEvent, ValueTask<Message?>>? gate, Func<CommandEvent, ValueTask>? observer, PluginHandle? owner)
{
    public CommandStage Stage { get; } = stage;

    public Func<CommandEvent, ValueTask<Message?>>? Gate { get; } = gate;

    public Func<CommandEvent, ValueTask>? Observer { get; } = observer;

    public PluginHandle? Owner { get; } = owner;
}

/// <summary>The command listeners of one dispatch table, by stage, in the order they were added.</summary>
internal sealed class CommandHooks
{
    public CommandHooks(CommandListenerEntry[] entries)
    {
        Before = Select(entries, CommandStage.Before);
        Run = Select(entries, CommandStage.Run);
        After = Select(entries, CommandStage.After);
    }

    public CommandListenerEntry[] Before { get; }

    public CommandListenerEntry[] Run { get; }

    public CommandListenerEntry[] After { get; }

    private static CommandListenerEntry[] Select(CommandListenerEntry[] entries, CommandStage stage)
    {
        var selected = new List<CommandListenerEntry>();
        foreach (var entry in entries)
        {
            if (entry.Stage == stage)
            {
                selected.Add(entry);
            }
        }
        return [.. selected];
    }
}
