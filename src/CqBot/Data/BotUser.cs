using CqBot.Data;

namespace CqBot;

/// <summary>
/// A user as the bot stores it, attached to every message session (<see cref="Session.User"/>): their
/// authority, flags and the plugin fields that were asked for. Changes are written back after the
/// message is handled, only what changed, before the answer is sent. One object stands for the user in
/// this process, shared by the user's concurrent messages; its members are safe to call from any thread.
/// </summary>
public sealed class BotUser
{
    private readonly Lock _gate = new();
    private readonly FieldBag _fields = new();

    // Set with every change, so a session that changed nothing takes no lock to find out.
    private volatile bool _dirty;
    private readonly BotData _data;
    private int _authority;
    private UserFlags _flags;
    private bool _authorityChanged;
    private bool _flagsChanged;

    internal BotUser(long id, BotData data)
    {
        Id = id;
        _data = data;
    }

    /// <summary>The QQ number.</summary>
    public long Id { get; }

    /// <summary>
    /// 0 (the bot ignores the user) to 5; 1 for an ordinary user. A command's
    /// <see cref="CommandAttribute.Authority"/> is compared with it.
    /// </summary>
    public int Authority
    {
        get => Volatile.Read(ref _authority);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, BotData.MaxAuthority);
            lock (_gate)
            {
                _authority = value;
                _authorityChanged = true;
                _dirty = true;
            }
        }
    }

    /// <summary>The user's flags; <see cref="UserFlags.Ignore"/> makes the bot ignore them.</summary>
    public UserFlags Flags
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

    /// <summary>True when the bot ignores the user: authority 0, or the ignore flag.</summary>
    public bool IsIgnored => Volatile.Read(ref _authority) == 0 || (_flags & UserFlags.Ignore) != 0;

    /// <summary>The field's value, its default when it was never written. Throws when the field was not asked for.</summary>
    public T Get<T>(DataField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        string? text;
        lock (_gate)
        {
            text = _fields.Get("user", Id, field.Name, "OnBeforeAttachUser");
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

    /// <summary>
    /// Changes the field from its current value in one step, so two messages of the user handled at
    /// once in this process both count (<c>user.Update(Rolls, n =&gt; n + 1)</c>). Returns the new value.
    /// </summary>
    public T Update<T>(DataField<T> field, Func<T, T> change)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var value = change(field.Read(_fields.Get("user", Id, field.Name, "OnBeforeAttachUser")));
            _fields.Set(field.Name, field.Write(value));
            _dirty = true;
            return value;
        }
    }

    /// <summary>True when the field was loaded (asked for, or loaded with <see cref="LoadAsync"/>).</summary>
    public bool IsLoaded<T>(DataField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        lock (_gate)
        {
            return _fields.IsLoaded(field.Name);
        }
    }

    /// <summary>Loads fields that were not asked for before the user was attached.</summary>
    public Task LoadAsync(FieldRequest fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return _data.LoadAsync(this, fields.Names, cancellationToken);
    }

    /// <summary>How often the user ran <paramref name="command"/> today (in the bot's time zone), and when last.</summary>
    public Task<CommandUsage> GetUsageAsync(string command, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        return _data.GetUsageAsync(Id, command, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => "user " + Id;

    /// <summary>When the object was last filled from the store (the data's clock, in ticks).</summary>
    internal long LoadedAt { get; set; }

    /// <summary>When a session last used the object (the data's clock, in ticks).</summary>
    internal long UsedAt { get; set; }

    /// <summary>The last write of this user's changes, which a session whose changes it carried waits for.</summary>
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

    /// <summary>Takes in what the store holds; what changed here and is not written yet is kept.</summary>
    internal void Fill(UserRecord record, IReadOnlyCollection<string> names)
    {
        lock (_gate)
        {
            if (!_authorityChanged)
            {
                _authority = record.Authority;
            }
            if (!_flagsChanged)
            {
                _flags = record.Flags;
            }
            _fields.Load(names, record.Fields);
        }
    }

    /// <summary>What changed since the last call, or null; forgets it.</summary>
    internal UserChanges? TakeChanges()
    {
        if (!_dirty)
        {
            return null;
        }
        lock (_gate)
        {
            if (!_authorityChanged && !_flagsChanged && !_fields.HasChanges)
            {
                return null;
            }
            var changes = new UserChanges(Id, _authorityChanged ? _authority : null, _flagsChanged ? _flags : null, _fields.TakeChanges());
            _authorityChanged = _flagsChanged = false;
            _dirty = false;
            return changes;
        }
    }
}
