namespace CqBot;

/// <summary>Typed and synchronous ways to add listeners and middleware.</summary>
public static class EventRoutesExtensions
{
    /// <summary>
    /// Adds a middleware that answers when <paramref name="answer"/> returns text and lets the chain go on
    /// when it returns null: <c>app.Use(session =&gt; session.Content == "ping" ? "pong" : null)</c>.
    /// </summary>
    public static IDisposable Use(this IEventRoutes routes, Func<Session, string?> answer, bool prepend = false)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(answer);
        return routes.Use((session, next) => answer(session) is { } text ? new ValueTask<Message?>(text) : next(), prepend);
    }

    /// <summary>
    /// Adds a synchronous listener for events named <paramref name="eventName"/> (<c>request/friend</c>,
    /// <c>notice/group_increase</c>…); what it returns, or null, is the event's quick operation:
    /// <c>app.On("request/friend", session =&gt; QuickOperation.Approved())</c>.
    /// </summary>
    public static IDisposable On(this IEventRoutes routes, string eventName, Func<Session, QuickOperation?> listener, int priority = 0, bool block = false)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(listener);
        return routes.On(eventName, session => new ValueTask<QuickOperation?>(listener(session)), priority, block);
    }

    /// <summary>Runs <paramref name="listener"/> for every event of type <typeparamref name="TEvent"/>.</summary>
    public static IDisposable On<TEvent>(this IEventRoutes routes, Action<TEvent> listener, int priority = 0, bool block = false)
        where TEvent : Event
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(listener);
        return routes.On<TEvent>((e, _) =>
        {
            listener(e);
            return default;
        }, priority, block);
    }

    /// <summary>
    /// Runs <paramref name="listener"/> for every event of type <typeparamref name="TEvent"/>; what it
    /// returns (text, a <see cref="Message"/> or a <see cref="QuickOperation"/>; null for nothing) is the
    /// event's quick operation: <c>app.On&lt;GroupIncreaseNotice&gt;(e =&gt; "Welcome!")</c>.
    /// </summary>
    public static IDisposable On<TEvent>(this IEventRoutes routes, Func<TEvent, QuickOperation?> listener, int priority = 0, bool block = false)
        where TEvent : Event
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(listener);
        return routes.On<TEvent>((e, _) => new ValueTask<QuickOperation?>(listener(e)), priority, block);
    }

    /// <summary>Runs an asynchronous <paramref name="listener"/> that answers nothing for every event of type <typeparamref name="TEvent"/>.</summary>
    public static IDisposable On<TEvent>(this IEventRoutes routes, Func<TEvent, Session, Task> listener, int priority = 0, bool block = false)
        where TEvent : Event
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(listener);
        return routes.On<TEvent>(async (e, session) =>
        {
            await listener(e, session).ConfigureAwait(false);
            return null;
        }, priority, block);
    }

    /// <summary>
    /// Adds a synchronous before-command listener: text stops the command with that reply, null lets it
    /// run: <c>app.OnBeforeCommand((CommandEvent e) =&gt; e.Session.UserId == 7 ? "不行。" : null)</c>.
    /// </summary>
    public static IDisposable OnBeforeCommand(this IEventRoutes routes, Func<CommandEvent, string?> listener)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(listener);
        return routes.OnBeforeCommand(e => new ValueTask<Message?>(listener(e) is { } text ? (Message)text : null));
    }

    /// <summary>Adds a synchronous before-command listener: false stops the command silently, true lets it run.</summary>
    public static IDisposable OnBeforeCommand(this IEventRoutes routes, Func<CommandEvent, bool> listener)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(listener);
        return routes.OnBeforeCommand(e => new ValueTask<Message?>(listener(e) ? null : Message.Empty));
    }

    /// <summary>Adds a synchronous command listener, run after a command has run with its result or exception.</summary>
    public static IDisposable OnCommand(this IEventRoutes routes, Action<CommandEvent> listener)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(listener);
        return routes.OnCommand(Observe(listener));
    }

    /// <summary>Adds a synchronous after-command listener, run after the command listeners.</summary>
    public static IDisposable OnAfterCommand(this IEventRoutes routes, Action<CommandEvent> listener)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(listener);
        return routes.OnAfterCommand(Observe(listener));
    }

    private static Func<CommandEvent, ValueTask> Observe(Action<CommandEvent> listener) => e =>
    {
        listener(e);
        return default;
    };
}
