namespace CqBot;

/// <summary>
/// The plugin fields to load with a user or channel, as before-attach listeners add them
/// (<see cref="IEventRoutes.OnBeforeAttachUser"/>, <see cref="IEventRoutes.OnBeforeAttachChannel"/>).
/// </summary>
public sealed class FieldRequest
{
    private readonly List<string> _names = [];

    /// <summary>Asks for <paramref name="field"/>.</summary>
    public FieldRequest Add<T>(DataField<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Add(field.Name);
    }

    /// <summary>Asks for the field named <paramref name="name"/>.</summary>
    public FieldRequest Add(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_names.Contains(name))
        {
            _names.Add(name);
        }
        return this;
    }

    /// <summary>The names asked for, in order.</summary>
    public IReadOnlyList<string> Names => _names;
}
