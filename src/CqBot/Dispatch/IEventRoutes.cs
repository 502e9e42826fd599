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

    /// <summary>
    /// Adds a before-command listener (Koishi's <c>before-command</c>): it runs after a command's arguments
    /// are parsed and its checks pass, before the command itself, and not for <c>-h</c>/<c>--help</c>.
    /// It returns null to let the command run, a message to stop it with that reply, or
    /// <see cref="Message.Empty"/> to stop it silently. Listeners run in the order they were added; the
    /// first that stops the command ends it. One that throws fails the command. Dispose the result to remove it.
    /// </summary>
    IDisposable OnBeforeCommand(Func<CommandEvent, ValueTask<Message?>> listener);

    /// <summary>
    /// Adds a command listener (Koishi's <c>command</c>): it runs after a command has run, with its result
    /// or exception. One that throws is logged and the others still run. Dispose the result to remove it.
    /// </summary>
    IDisposable OnCommand(Func<CommandEvent, ValueTask> listener);

    /// <summary>
    /// Adds an after-command listener (Koishi's <c>after-command</c>): it runs after every command listener
    /// of a command that ran. One that throws is logged and the others still run. Dispose the result to remove it.
    /// </summary>
    IDisposable OnAfterCommand(Func<CommandEvent, ValueTask> listener);
}
