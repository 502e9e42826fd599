namespace CqBot;

/// <summary>
/// What a plugin adds to the bot while it is built: commands, middleware and listeners, all limited
/// to the plugin's <see cref="Scope"/>.
/// </summary>
public sealed class PluginBuilder : IEventRoutes
{
    private readonly EventDispatcher _dispatcher;
    private readonly List<CommandDefinition> _commands = [];

    internal PluginBuilder(EventDispatcher dispatcher, PluginHandle handle)
    {
        _dispatcher = dispatcher;
        Handle = handle;
    }

    /// <summary>The plugin's name.</summary>
    public string Name => Handle.Name;

    /// <summary>Where the plugin answers; limit it here, or later through the application's plugin list.</summary>
    public PluginScope Scope
    {
        get => Handle.Scope;
        set => Handle.Scope = value;
    }

    internal PluginHandle Handle { get; }

    /// <summary>Adds a command; its name and aliases must be free among every plugin's commands.</summary>
    public void AddCommand(CommandDefinition command)
    {
        _dispatcher.AddCommand(command, Handle);
        _commands.Add(command);
    }

    /// <summary>
    /// A command this plugin added (declared or by <see cref="AddCommand"/>), by name, to limit it on its
    /// own: <c>plugin.Command("ban").Scope = PluginScope.Everywhere.InAllGroups();</c>
    /// </summary>
    public CommandDefinition Command(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var command in _commands)
        {
            if (string.Equals(command.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return command;
            }
        }
        throw new InvalidOperationException($"Plugin '{Name}' has no command named '{name}'; it has: {string.Join(", ", _commands.Select(command => command.Name))}.");
    }

    /// <inheritdoc />
    public IDisposable Use(Middleware middleware, bool prepend = false) => _dispatcher.Use(middleware, prepend, Handle);

    /// <inheritdoc />
    public IDisposable On(string eventName, EventListener listener, int priority = 0, bool block = false) =>
        _dispatcher.On(eventName, listener, priority, block, Handle);

    /// <inheritdoc />
    public IDisposable On<TEvent>(Func<TEvent, Session, ValueTask<QuickOperation?>> listener, int priority = 0, bool block = false)
        where TEvent : Event =>
        _dispatcher.On(listener, priority, block, Handle);

    /// <inheritdoc />
    public IDisposable OnBeforeCommand(Func<CommandEvent, ValueTask<Message?>> listener) => _dispatcher.OnBeforeCommand(listener, Handle);

    /// <inheritdoc />
    public IDisposable OnCommand(Func<CommandEvent, ValueTask> listener) => _dispatcher.OnCommand(listener, Handle);

    /// <inheritdoc />
    public IDisposable OnAfterCommand(Func<CommandEvent, ValueTask> listener) => _dispatcher.OnAfterCommand(listener, Handle);

    /// <inheritdoc />
    public IDisposable OnBeforeAttachChannel(Action<Session, FieldRequest> listener) => _dispatcher.OnBeforeAttach(AttachStage.BeforeChannel, listener, Handle);

    /// <inheritdoc />
    public IDisposable OnAttachChannel(Func<Session, BotChannel, ValueTask<Message?>> listener) => _dispatcher.OnAttachChannel(listener, Handle);

    /// <inheritdoc />
    public IDisposable OnBeforeAttachUser(Action<Session, FieldRequest> listener) => _dispatcher.OnBeforeAttach(AttachStage.BeforeUser, listener, Handle);

    /// <inheritdoc />
    public IDisposable OnAttachUser(Func<Session, BotUser, ValueTask<Message?>> listener) => _dispatcher.OnAttachUser(listener, Handle);
}
