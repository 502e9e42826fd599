using CqBot.Data;

namespace CqBot;

/// <summary>
/// A channel (a group) as the bot stores it, attached to every group message session
/// (<see cref="Session.Channel"/>): its flags, the account that answers there, what is turned off
/// there, and the plugin fields that were asked for. Changes are written back after the message is
/// handled; safe to use from any thread.
/// </summary>
public sealed class BotChannel : DataRecord
{
    private ChannelFlags _flags;
    private long _assignee;
    private string[] _disabled = [];
    private bool _flagsChanged;
    private bool _assigneeChanged;
    private bool _disabledChanged;

    internal BotChannel(long id, BotData data)
        : base(id, data, "channel", "OnBeforeAttachChannel")
    {
    }

    /// <summary>The channel's flags: <see cref="ChannelFlags.Ignore"/> or <see cref="ChannelFlags.Silent"/> keep the bot out of it.</summary>
    public ChannelFlags Flags
    {
        get => _flags;
        set
        {
            lock (Gate)
            {
                _flags = value;
                _flagsChanged = true;
                MarkChanged();
            }
        }
    }

    /// <summary>
    /// The account that answers in the channel when several are in it, or 0 for any. A new channel is
    /// assigned to the first account that sees a message there; the others answer only when @-mentioned.
    /// </summary>
    public long Assignee
    {
        get => Volatile.Read(ref _assignee);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (Gate)
            {
                _assignee = value;
                _assigneeChanged = true;
                MarkChanged();
            }
        }
    }

    /// <summary>Commands (by name) and plugins (<c>plugin:name</c>) turned off in the channel.</summary>
    public IReadOnlyList<string> Disabled
    {
        get => Volatile.Read(ref _disabled);
    }

    /// <summary>Turns a command (its name) or a plugin (<c>plugin:name</c>) off in the channel.</summary>
    public void Disable(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (Gate)
        {
            if (Array.IndexOf(_disabled, name) < 0)
            {
                _disabled = [.. _disabled, name];
                _disabledChanged = true;
                MarkChanged();
            }
        }
    }

    /// <summary>Turns a command or plugin back on in the channel.</summary>
    public void Enable(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (Gate)
        {
            var index = Array.IndexOf(_disabled, name);
            if (index >= 0)
            {
                _disabled = [.. _disabled[..index], .. _disabled[(index + 1)..]];
                _disabledChanged = true;
                MarkChanged();
            }
        }
    }

    /// <summary>True when <paramref name="command"/> or its plugin is turned off in the channel.</summary>
    public bool IsDisabled(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var disabled = Disabled;
        if (disabled.Count == 0)
        {
            return false;
        }
        foreach (var name in disabled)
        {
            if (name == command.Name || (command.Owner is { } owner && name.StartsWith(PluginPrefix, StringComparison.Ordinal) && name.AsSpan(PluginPrefix.Length).SequenceEqual(owner.Name)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>How <see cref="Disabled"/> names a plugin.</summary>
    public const string PluginPrefix = "plugin:";

    internal void Fill(ChannelRecord record, IReadOnlyCollection<string> names)
    {
        lock (Gate)
        {
            if (!_flagsChanged)
            {
                _flags = record.Flags;
            }
            if (!_assigneeChanged)
            {
                _assignee = record.Assignee;
            }
            if (!_disabledChanged)
            {
                _disabled = [.. record.Disabled];
            }
            LoadFields(names, record.Fields);
        }
    }

    internal ChannelChanges? TakeChanges()
    {
        if (!HasChanges)
        {
            return null;
        }
        lock (Gate)
        {
            if (!_flagsChanged && !_assigneeChanged && !_disabledChanged && !FieldsChanged)
            {
                return null;
            }
            var changes = new ChannelChanges(Id, _flagsChanged ? _flags : null, _assigneeChanged ? _assignee : null, _disabledChanged ? _disabled : null, TakeFieldChanges());
            _flagsChanged = _assigneeChanged = _disabledChanged = false;
            return changes;
        }
    }

    private protected override async Task LoadFieldsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        Fill(await Data.Store.GetChannelAsync(Id, 0, names, cancellationToken).ConfigureAwait(false), names);
}
