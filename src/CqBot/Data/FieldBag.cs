namespace CqBot;

/// <summary>
/// The plugin fields of one cached user or channel, shared by the sessions that use it: which are
/// loaded, their stored text, and which changed since the last write. Callers hold its lock.
/// </summary>
internal sealed class FieldBag
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private HashSet<string>? _changed;

    public bool IsLoaded(string name) => _values.ContainsKey(name);

    public bool HasChanges => _changed is { Count: > 0 };

    /// <summary>The stored text of a loaded field (null when it was never written); throws when it was not loaded.</summary>
    public string? Get(string kind, long id, string name, string listener) =>
        _values.TryGetValue(name, out var text)
            ? text
            : throw new InvalidOperationException($"The field '{name}' of {kind} {id} was not loaded. Ask for it in {listener} (fields.Add(…)) so it is loaded with the {kind}, or load it with LoadAsync first.");

    public void Set(string name, string? text)
    {
        _values[name] = text;
        (_changed ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
    }

    /// <summary>Takes in fields read from the store; a field changed here and not yet written keeps its new value.</summary>
    public void Load(IReadOnlyCollection<string> names, IReadOnlyDictionary<string, string> stored)
    {
        foreach (var name in names)
        {
            if (_changed is null || !_changed.Contains(name))
            {
                _values[name] = stored.TryGetValue(name, out var text) ? text : null;
            }
        }
    }

    /// <summary>The names asked for that are not loaded yet, or null when all are.</summary>
    public List<string>? Missing(IReadOnlyList<string> names)
    {
        List<string>? missing = null;
        foreach (var name in names)
        {
            if (!_values.ContainsKey(name))
            {
                (missing ??= []).Add(name);
            }
        }
        return missing;
    }

    public IReadOnlyCollection<string> LoadedNames => _values.Keys;

    /// <summary>The changed fields with their values, and forgets that they changed.</summary>
    public Dictionary<string, string?> TakeChanges()
    {
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (_changed is { } changed)
        {
            foreach (var name in changed)
            {
                changes[name] = _values[name];
            }
            changed.Clear();
        }
        return changes;
    }
}
