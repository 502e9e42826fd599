using System.Text.Json;
using CqBot.Hosting.Pipeline;
using CqBot.Infrastructure;

namespace CqBot.Hosting.Protocol;

/// <summary>
/// The few facts hosting needs from an event beyond the typed model: the meta-event kind, the
/// heartbeat interval and the chat it belongs to. They are read from <see cref="Event.Raw"/> so that
/// hosting works with any event type; this is the one place to switch to typed properties.
/// </summary>
internal static class EventFacts
{
    public static bool IsMetaEvent(Event @event) => @event.PostType == "meta_event";

    /// <summary><c>heartbeat</c>, <c>lifecycle</c>, or null for other events.</summary>
    public static string? MetaEventType(Event @event) => IsMetaEvent(@event) ? @event.DetailType : null;

    /// <summary>The lifecycle sub-type: <c>connect</c>, <c>enable</c> or <c>disable</c>.</summary>
    public static string? SubType(Event @event) => @event.SubType;

    /// <summary>Reads a heartbeat's interval and its <c>status.online</c>/<c>status.good</c> flags.</summary>
    public static (TimeSpan? Interval, bool? Online) ReadHeartbeat(Event @event)
    {
        var raw = @event.Raw;
        if (raw.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }
        TimeSpan? interval = raw.TryGetProperty("interval"u8, out var i) && i.ValueKind == JsonValueKind.Number && i.TryGetInt64(out var ms) && ms > 0
            ? TimeSpan.FromMilliseconds(ms)
            : null;
        bool? online = null;
        if (raw.TryGetProperty("status"u8, out var status) && status.ValueKind == JsonValueKind.Object)
        {
            // Only these two flags mean the same in every implementation.
            if (status.TryGetProperty("online"u8, out var o) && o.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                online = o.GetBoolean();
            }
            if (status.TryGetProperty("good"u8, out var g) && g.ValueKind == JsonValueKind.False)
            {
                online = false;
            }
        }
        return (interval, online);
    }

    /// <summary>
    /// The chat an event belongs to: its group, else its user (a private chat), else the account
    /// itself. Events of one chat are handled in arrival order.
    /// </summary>
    public static ChannelKey ChannelOf(Event @event)
    {
        switch (@event)
        {
            case GroupMessageEvent group:
                return new ChannelKey(@event.SelfId, ChannelKind.Group, group.GroupId);
            case MessageEvent message:
                return new ChannelKey(@event.SelfId, ChannelKind.Private, message.UserId);
        }
        // Notices and requests: the parser keeps group_id and user_id of every event, so ordering them
        // by chat needs no JSON document.
        if (EventChat.GroupId(@event) is { } groupId and not 0)
        {
            return new ChannelKey(@event.SelfId, ChannelKind.Group, groupId);
        }
        if (EventChat.UserId(@event) is { } userId and not 0)
        {
            return new ChannelKey(@event.SelfId, ChannelKind.Private, userId);
        }
        return new ChannelKey(@event.SelfId, ChannelKind.Account, 0);
    }
}
