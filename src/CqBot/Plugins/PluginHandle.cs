namespace CqBot;

/// <summary>
/// A plugin of a running bot: its name and its scope, which can change while the bot runs (switch it
/// off in a group, limit it to some users). A change applies to the next event.
/// </summary>
public sealed class PluginHandle
{
    private PluginScope _scope = PluginScope.Everywhere;

    internal PluginHandle(string name)
    {
        Name = name;
    }

    /// <summary>The plugin's name.</summary>
    public string Name { get; }

    /// <summary>Where the plugin answers; <see cref="PluginScope.Everywhere"/> unless limited.</summary>
    public PluginScope Scope
    {
        get => Volatile.Read(ref _scope);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Volatile.Write(ref _scope, value);
        }
    }

    /// <summary>Switches the plugin off in <paramref name="groupId"/>: it neither answers there nor shows in help.</summary>
    public void DisableIn(long groupId) => Update(scope => scope.DisabledIn(groupId));

    /// <summary>Switches the plugin on again in <paramref name="groupId"/>.</summary>
    public void EnableIn(long groupId) => Update(scope => scope.EnabledIn(groupId));

    /// <summary>True when the plugin handles <paramref name="event"/>.</summary>
    internal bool Allows(Event @event)
    {
        var scope = Volatile.Read(ref _scope);
        return scope.IsEverywhere || scope.Allows(@event);
    }

    // Scopes are immutable: concurrent changes retry instead of losing one another.
    private void Update(Func<PluginScope, PluginScope> change)
    {
        while (true)
        {
            var current = Volatile.Read(ref _scope);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _scope, change(current), current), current))
            {
                return;
            }
        }
    }
}
