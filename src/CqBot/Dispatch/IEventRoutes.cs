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

    /// <summary>
    /// Adds a before-attach-channel listener: for each group message, before its channel is loaded, it
    /// adds the channel fields it needs (<c>fields.Add(MyField)</c>); only fields asked for are loaded.
    /// Runs only when the bot has a store. Dispose the result to remove it.
    /// </summary>
    IDisposable OnBeforeAttachChannel(Action<Session, FieldRequest> listener);

    /// <summary>
    /// Adds an attach-channel listener: it runs once the channel is loaded (and the message was not
    /// skipped for the channel's flags or assignee), and may change the channel, or stop the message by
    /// returning a reply (<see cref="Message.Empty"/> to stop silently). Dispose the result to remove it.
    /// </summary>
    IDisposable OnAttachChannel(Func<Session, BotChannel, ValueTask<Message?>> listener);

    /// <summary>
    /// Adds a before-attach-user listener: for each message, before its sender is loaded, it adds the
    /// user fields it needs; only fields asked for are loaded. Dispose the result to remove it.
    /// </summary>
    IDisposable OnBeforeAttachUser(Action<Session, FieldRequest> listener);

    /// <summary>
    /// Adds an attach-user listener: it runs once the sender is loaded (and not ignored), and may change
    /// the user, or stop the message by returning a reply (<see cref="Message.Empty"/> to stop silently).
    /// Dispose the result to remove it.
    /// </summary>
    IDisposable OnAttachUser(Func<Session, BotUser, ValueTask<Message?>> listener);
}
