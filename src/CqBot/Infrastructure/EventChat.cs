using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// The chat an event belongs to, whatever its kind, as the parser found it: lets a host order events
/// by chat without reading <see cref="Event.Raw"/>. Called by hosts; bot authors read the typed
/// event's own <c>GroupId</c> and <c>UserId</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EventChat
{
    /// <summary>The event's <c>group_id</c>, when it has one.</summary>
    public static long? GroupId(Event @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return @event.ChatGroupId;
    }

    /// <summary>The event's <c>user_id</c>, when it has one.</summary>
    public static long? UserId(Event @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return @event.ChatUserId;
    }
}
