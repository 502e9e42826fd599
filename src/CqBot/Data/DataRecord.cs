namespace CqBot;

/// <summary>
/// What users and channels share: an id, and the plugin fields that were asked for, read and changed
/// through typed <see cref="DataField{T}"/>s. Changes are written back once the message is handled;
/// every member is safe to call from any thread.
/// </summary>
public abstract class DataRecord
{
    private readonly FieldBag _fields = new();
    private readonly string _kind;
    private readonly string _listener;

    // Set with every change, so a session that changed nothing takes no lock to find out.
    private volatile bool _dirty;

    private protected DataRecord(long id, BotData data, string kind, string listener)
    {
        Id = id;
        Data = data;
        _kind = kind;
        _listener = listener;
    }

    /// <summary>The QQ number of a user, the group number of a channel.</summary>
    public long Id { get; }

    /// <summary>The field's value, its default when it was never written. Throws when the field was not asked for.</summary>
    public T Get<T>(DataField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        string? text;
        lock (Gate)
        {
            text = _fields.Get(_kind, Id, field.Name, _listener);
        }
        return field.Read(text);
    }

    /// <summary>Sets the field; it is written back once the message is handled.</summary>
    public void Set<T>(DataField<T> field, T value)
    {
        ArgumentNullException.ThrowIfNull(field);
        var text = field.Write(value);
        lock (Gate)
        {
            _fields.Set(field.Name, text);
            MarkChanged();
        }
    }

    /// <summary>
    /// Changes the field from its current value in one step, so two messages handled at once in this
    /// process both count (<c>user.Update(Rolls, n =&gt; n + 1)</c>). Returns the new value.
    /// </summary>
    public T Update<T>(DataField<T> field, Func<T, T> change)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(change);
        lock (Gate)
        {
            var value = change(field.Read(_fields.Get(_kind, Id, field.Name, _listener)));
            _fields.Set(field.Name, field.Write(value));
            MarkChanged();
            return value;
        }
    }

    /// <summary>True when the field was loaded (asked for, or loaded with <see cref="LoadAsync"/>).</summary>
    public bool IsLoaded<T>(DataField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        lock (Gate)
        {
            return _fields.IsLoaded(field.Name);
        }
    }

    /// <summary>Loads fields that were not asked for before the user or channel was attached.</summary>
    public async Task LoadAsync(FieldRequest fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (MissingFields(fields.Names) is { } missing)
        {
            await Data.InitializeAsync(cancellationToken).ConfigureAwait(false);
            await LoadFieldsAsync(missing, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override string ToString() => _kind + " " + Id;

    /// <summary>Guards the record's state; subclasses take it for their own columns.</summary>
    private protected Lock Gate { get; } = new();

    internal BotData Data { get; }

    /// <summary>When the object was last filled from the store (the data's clock, in ticks).</summary>
    internal long LoadedAt { get; set; }

    /// <summary>When a session last used the object (the data's clock, in ticks).</summary>
    internal long UsedAt { get; set; }

    /// <summary>The last write of this record's changes, which a session whose changes it carried waits for.</summary>
    internal Task PendingWrite { get; set; } = Task.CompletedTask;

    /// <summary>True when something changed that is not written yet.</summary>
    internal bool HasChanges => _dirty;

    internal List<string>? MissingFields(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return null;
        }
        lock (Gate)
        {
            return _fields.Missing(names);
        }
    }

    internal IReadOnlyCollection<string> LoadedFieldNames()
    {
        lock (Gate)
        {
            return [.. _fields.LoadedNames];
        }
    }

    /// <summary>Reads <paramref name="names"/> from the store into the record.</summary>
    private protected abstract Task LoadFieldsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken);

    /// <summary>Records that something changed; called under <see cref="Gate"/>.</summary>
    private protected void MarkChanged() => _dirty = true;

    /// <summary>Takes in fields read from the store; called under <see cref="Gate"/>.</summary>
    private protected void LoadFields(IReadOnlyCollection<string> names, IReadOnlyDictionary<string, string> stored) => _fields.Load(names, stored);

    /// <summary>True when a field changed since the last write; called under <see cref="Gate"/>.</summary>
    private protected bool FieldsChanged => _fields.HasChanges;

    /// <summary>The changed fields, forgetting every change of the record; called under <see cref="Gate"/>.</summary>
    private protected Dictionary<string, string?> TakeFieldChanges()
    {
        _dirty = false;
        return _fields.TakeChanges();
    }
}
