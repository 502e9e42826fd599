using CqBot.Data;

namespace CqBot;

/// <summary>
/// A channel (a group) as the bot stores it, attached to every group message session
/// (<see cref="Session.Channel"/>): its flags, the account that answers there, what is turned off
/// there, and the plugin fields that were asked for. Changes are written back after the message is
/// handled; safe to use from any thread.
/// </summary>
public sealed class BotChannel
{
    private readonly Lock _gate = new();
    private readonly FieldBag _fields = new();

    // Set with every change, so a session that changed nothing takes no lock to find out.
    private volatile bool _dirty;
    private ChannelFlags _flags;
    private long _assignee;
    private string[] _disabled = [];
    private bool _flagsChanged;
    private bool _assigneeChanged;
    private bool _disabledChanged;

    internal BotChannel(long id, BotData data)
    {
        Id = id;
        Data = data;
    }

    /// <summary>The group number.</summary>
    public long Id { get; }

    /// <summary>The channel's flags: <see cref="ChannelFlags.Ignore"/> or <see cref="ChannelFlags.Silent"/> keep the bot out of it.</summary>
    public ChannelFlags Flags
    {
        get => _flags;
        set
        {
            lock (_gate)
            {
                _flags = value;
                _flagsChanged = true;
                _dirty = true;
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
            lock (_gate)
            {
                _assignee = value;
                _assigneeChanged = true;
                _dirty = true;
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
        lock (_gate)
        {
            if (Array.IndexOf(_disabled, name) < 0)
            {
                _disabled = [.. _disabled, name];
                _disabledChanged = true;
                _dirty = true;
            }
        }
    }

    /// <summary>Turns a command or plugin back on in the channel.</summary>
    public void Enable(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            var index = Array.IndexOf(_disabled, name);
            if (index >= 0)
            {
                _disabled = [.. _disabled[..index], .. _disabled[(index + 1)..]];
                _disabledChanged = true;
                _dirty = true;
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

    /// <summary>The field's value, its default when it was never written. Throws when the field was not asked for.</summary>
    public T Get<T>(DataField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        string? text;
        lock (_gate)
        {
            text = _fields.Get("channel", Id, field.Name, "OnBeforeAttachChannel");
        }
        return field.Read(text);
    }

    /// <summary>Sets the field; it is written back once the message is handled.</summary>
    public void Set<T>(DataField<T> field, T value)
    {
        ArgumentNullException.ThrowIfNull(field);
        var text = field.Write(value);
        lock (_gate)
        {
            _fields.Set(field.Name, text);
            _dirty = true;
        }
    }

    /// <summary>Changes the field from its current value in one step; returns the new value.</summary>
    public T Update<T>(DataField<T> field, Func<T, T> change)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var value = change(field.Read(_fields.Get("channel", Id, field.Name, "OnBeforeAttachChannel")));
            _fields.Set(field.Name, field.Write(value));
            _dirty = true;
            return value;
        }
    }

    /// <summary>True when the field was loaded.</summary>
    public bool IsLoaded<T>(DataField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        lock (_gate)
        {
            return _fields.IsLoaded(field.Name);
        }
    }

    /// <summary>Loads fields that were not asked for before the channel was attached.</summary>
    public Task LoadAsync(FieldRequest fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return Data.LoadAsync(this, fields.Names, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => "channel " + Id;

    internal BotData Data { get; }

    internal long LoadedAt { get; set; }

    internal long UsedAt { get; set; }

    internal Task PendingWrite { get; set; } = Task.CompletedTask;

    /// <summary>True when something changed that is not written yet.</summary>
    internal bool HasChanges => _dirty;

    internal List<string>? MissingFields(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return null;
        }
        lock (_gate)
        {
            return _fields.Missing(names);
        }
    }

    internal IReadOnlyCollection<string> LoadedFieldNames()
    {
        lock (_gate)
        {
            return [.. _fields.LoadedNames];
        }
    }

    internal void Fill(ChannelRecord record, IReadOnlyCollection<string> names)
    {
        lock (_gate)
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
            _fields.Load(names, record.Fields);
        }
    }

    internal ChannelChanges? TakeChanges()
    {
        if (!_dirty)
        {
            return null;
        }
        lock (_gate)
        {
            if (!_flagsChanged && !_assigneeChanged && !_disabledChanged && !_fields.HasChanges)
            {
                return null;
            }
            var changes = new ChannelChanges(Id, _flagsChanged ? _flags : null, _assigneeChanged ? _assignee : null, _disabledChanged ? _disabled : null, _fields.TakeChanges());
            _flagsChanged = _assigneeChanged = _disabledChanged = false;
            _dirty = false;
            return changes;
        }
    }
}
