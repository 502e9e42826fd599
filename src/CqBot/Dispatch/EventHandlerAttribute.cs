namespace CqBot;

/// <summary>
/// Base of the attributes that make a method an event handler. The method runs for events of its
/// post type, narrowed by <see cref="Type"/> and <see cref="SubType"/> (aiocqhttp's
/// <c>on_notice('group_increase')</c>), and by the type of its event parameter. Its parameters may be the
/// session, the typed event, the bot, a cancellation token, or services. It may return nothing, a
/// reply (string or message) or a <see cref="QuickOperation"/>, synchronously or as a task.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public abstract class EventHandlerAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    protected EventHandlerAttribute(string? type, string? subType)
    {
        Type = type;
        SubType = subType;
    }

    /// <summary>The detail type (<c>group</c>, <c>group_increase</c>, <c>friend</c>, <c>heartbeat</c>, …), or null for all.</summary>
    public string? Type { get; }

    /// <summary>The sub-type (<c>approve</c>, <c>invite</c>, …), or null for all.</summary>
    public string? SubType { get; }

    /// <summary>Lower numbers run first; handlers of equal priority run in a fixed order, by class and method name. Default 0.</summary>
    public int Priority { get; set; }

    /// <summary>When true, handling stops after this handler: later handlers and commands do not see the event.</summary>
    public bool Block { get; set; }
}

/// <summary>Handles messages: <c>[OnMessage]</c>, <c>[OnMessage("group")]</c>, <c>[OnMessage("private", "friend")]</c>.</summary>
public sealed class OnMessageAttribute(string? type = null, string? subType = null) : EventHandlerAttribute(type, subType);

/// <summary>Handles notices: <c>[OnNotice("group_increase")]</c>, <c>[OnNotice("notify", "poke")]</c>.</summary>
public sealed class OnNoticeAttribute(string? type = null, string? subType = null) : EventHandlerAttribute(type, subType);

/// <summary>Handles requests: <c>[OnRequest("friend")]</c>, <c>[OnRequest("group", "invite")]</c>.</summary>
public sealed class OnRequestAttribute(string? type = null, string? subType = null) : EventHandlerAttribute(type, subType);

/// <summary>Handles meta events: <c>[OnMetaEvent("heartbeat")]</c>, <c>[OnMetaEvent("lifecycle", "connect")]</c>.</summary>
public sealed class OnMetaEventAttribute(string? type = null, string? subType = null) : EventHandlerAttribute(type, subType);

/// <summary>
/// Adds a method with the middleware signature, <c>ValueTask&lt;Message?&gt; M(Session session, Next next)</c>,
/// to the message chain; return <c>await next()</c> to continue.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class MiddlewareAttribute : Attribute
{
    /// <summary>Puts the middleware before every other one.</summary>
    public bool Prepend { get; set; }
}
