namespace CqBot;

/// <summary>
/// Where middleware and event listeners are added: the running application, a plugin while it is
/// configured, or a dispatcher. Typed and synchronous forms are extension methods in
/// <see cref="EventRoutesExtensions"/>.
/// </summary>
public interface IEventRoutes
{
    /// <summary>
    /// Adds a middleware after those already added (or before all of them when <paramref name="prepend"/>
    /// is true). Dispose the result to remove it.
    /// </summary>
    IDisposable Use(Middleware middleware, bool prepend = false);

    /// <summary>
    /// Adds a listener for events named <paramref name="eventName"/>: a post type (<c>notice</c>), or a
    /// post type and its detail type (<c>notice/group_increase</c>, <c>request/friend</c>), optionally
    /// followed by the sub-type (<c>request/group/invite</c>). Lower <paramref name="priority"/> runs
    /// first; a <paramref name="block"/>ing listener stops the event after it runs. Dispose the result to remove it.
    /// </summary>
    IDisposable On(string eventName, EventListener listener, int priority = 0, bool block = false);

    /// <summary>
    /// Adds a listener for events of type <typeparamref name="TEvent"/> (and its subtypes), with the
    /// session. Dispose the result to remove it.
    /// </summary>
    IDisposable On<TEvent>(Func<TEvent, Session, ValueTask<QuickOperation?>> listener, int priority = 0, bool block = false)
        where TEvent : Event;
}
