namespace CqBot.Json;

/// <summary>
/// Every JSON property name the event reader understands, at any depth (the event object, <c>sender</c>,
/// <c>anonymous</c>, <c>file</c>, <c>status</c>, <c>stat</c>, <c>client</c>).
/// </summary>
internal enum EventField
{
    Unknown,

    // The event object.
    Time,
    SelfId,
    PostType,
    MessageType,
    NoticeType,
    RequestType,
    MetaEventType,
    SubType,
    MessageId,
    UserId,
    GroupId,
    Anonymous,
    Message,
    RawMessage,
    Font,
    Sender,
    MessageSeq,
    TargetId,
    TempSource,
    OperatorId,
    Duration,
    File,
    SenderId,
    HonorType,
    Title,
    CardNew,
    CardOld,
    Comment,
    Flag,
    Status,
    Interval,
    Client,
    Online,

    // Nested objects.
    Nickname,
    Card,
    Sex,
    Age,
    Area,
    Level,
    Role,
    Id,
    Name,
    Size,
    BusId,
    Url,
    Good,
    AppInitialized,
    AppEnabled,
    PluginsGood,
    AppGood,
    Stat,
    PacketReceived,
    PacketSent,
    PacketLost,
    MessageReceived,
    MessageSent,
    DisconnectTimes,
    LostTimes,
    LastMessageTime,
    AppId,
    DeviceName,
    DeviceKind,
}

/// <summary>Maps a JSON property name to its <see cref="EventField"/>.</summary>
internal static class EventFieldNames
{
    private static readonly Utf8NameTable<EventField> s_fields = new(
    [
        ("time", EventField.Time), ("self_id", EventField.SelfId), ("post_type", EventField.PostType),
        ("message_type", EventField.MessageType), ("notice_type", EventField.NoticeType),
        ("request_type", EventField.RequestType), ("meta_event_type", EventField.MetaEventType),
        ("sub_type", EventField.SubType), ("message_id", EventField.MessageId), ("user_id", EventField.UserId),
        ("group_id", EventField.GroupId), ("anonymous", EventField.Anonymous), ("message", EventField.Message),
        ("raw_message", EventField.RawMessage), ("font", EventField.Font), ("sender", EventField.Sender),
        ("message_seq", EventField.MessageSeq), ("target_id", EventField.TargetId),
        ("temp_source", EventField.TempSource), ("operator_id", EventField.OperatorId),
        ("duration", EventField.Duration), ("file", EventField.File), ("sender_id", EventField.SenderId),
        ("honor_type", EventField.HonorType), ("title", EventField.Title), ("card_new", EventField.CardNew),
        ("card_old", EventField.CardOld), ("comment", EventField.Comment), ("flag", EventField.Flag),
        ("status", EventField.Status), ("interval", EventField.Interval), ("client", EventField.Client),
        ("online", EventField.Online),
        ("nickname", EventField.Nickname), ("card", EventField.Card), ("sex", EventField.Sex),
        ("age", EventField.Age), ("area", EventField.Area), ("level", EventField.Level), ("role", EventField.Role),
        ("id", EventField.Id), ("name", EventField.Name), ("size", EventField.Size), ("busid", EventField.BusId),
        ("url", EventField.Url), ("good", EventField.Good), ("app_initialized", EventField.AppInitialized),
        ("app_enabled", EventField.AppEnabled), ("plugins_good", EventField.PluginsGood),
        ("app_good", EventField.AppGood), ("stat", EventField.Stat),
        ("packet_received", EventField.PacketReceived), ("packet_sent", EventField.PacketSent),
        ("packet_lost", EventField.PacketLost), ("message_received", EventField.MessageReceived),
        ("message_sent", EventField.MessageSent), ("disconnect_times", EventField.DisconnectTimes),
        ("lost_times", EventField.LostTimes), ("last_message_time", EventField.LastMessageTime),
        ("app_id", EventField.AppId), ("device_name", EventField.DeviceName),
        ("device_kind", EventField.DeviceKind),
    ]);

    // The longest escaped name worth decoding: each of the 17 characters of the longest known name
    // written as \uXXXX. Anything longer cannot be a known name.
    private const int MaxEscapedLength = 17 * 6;

    /// <summary>The JSON name of an id field, for error messages.</summary>
    public static string NameOf(EventField field) => field switch
    {
        EventField.SelfId => "self_id",
        EventField.MessageId => "message_id",
        EventField.UserId => "user_id",
        EventField.GroupId => "group_id",
        EventField.TargetId => "target_id",
        EventField.OperatorId => "operator_id",
        EventField.SenderId => "sender_id",
        _ => field.ToString(),
    };

    /// <summary>Finds the field for an unescaped UTF-8 property name.</summary>
    public static EventField Find(ReadOnlySpan<byte> utf8Name) =>
        s_fields.TryGetValue(utf8Name, out var field) ? field : EventField.Unknown;

    /// <summary>Reads the property name the reader is on.</summary>
    public static EventField Read(ref System.Text.Json.Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Find(reader.ValueSpan);
        }
        return ReadEscaped(ref reader);
    }

    private static EventField ReadEscaped(ref System.Text.Json.Utf8JsonReader reader)
    {
        // Escaped property names are legal JSON but no implementation sends them; decode on the stack.
        if (reader.ValueSpan.Length > MaxEscapedLength)
        {
            return EventField.Unknown;
        }
        Span<byte> buffer = stackalloc byte[MaxEscapedLength];
        try
        {
            var length = reader.CopyString(buffer);
            return Find(buffer[..length]);
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape: no text, so no known name; the value is skipped, not the event.
            return EventField.Unknown;
        }
    }
}
