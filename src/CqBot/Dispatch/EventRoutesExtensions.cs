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
}
