using CqBot.Hosting.Pipeline;

namespace CqBot.Hosting.Protocol;

/// <summary>
/// The few facts hosting needs from an event: the meta-event kind, what a heartbeat says about the
/// connection and the chat the event belongs to, all read from the typed model.
/// </summary>
internal static class EventFacts
{
    public static bool IsMetaEvent(Event @event) => @event.PostType == "meta_event";

    /// <summary><c>heartbeat</c>, <c>lifecycle</c>, or null for other events.</summary>
    public static string? MetaEventType(Event @event) => IsMetaEvent(@event) ? @event.DetailType : null;

    /// <summary>The lifecycle sub-type: <c>connect</c>, <c>enable</c> or <c>disable</c>.</summary>
    public static string? SubType(Event @event) => @event.SubType;

    /// <summary>
    /// A heartbeat's interval (null when it gave none) and what it says about the account: offline when
    /// <c>status.good</c> is false, otherwise <c>status.online</c>; null when it says neither.
    /// </summary>
    public static (TimeSpan? Interval, bool? Online) ReadHeartbeat(HeartbeatEvent heartbeat)
    {
        TimeSpan? interval = heartbeat.Interval > 0 ? TimeSpan.FromMilliseconds(heartbeat.Interval) : null;

        // Only these two flags mean the same in every implementation.
        var status = heartbeat.Status;
        var online = status.Good == false ? false : status.Online;
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
        if (@event.ChatGroupId is { } groupId and not 0)
        {
            return new ChannelKey(@event.SelfId, ChannelKind.Group, groupId);
        }
        if (@event.ChatUserId is { } userId and not 0)
        {
            return new ChannelKey(@event.SelfId, ChannelKind.Private, userId);
        }
        return new ChannelKey(@event.SelfId, ChannelKind.Account, 0);
    }
}
