namespace CqBot.Json;

/// <summary>
/// The field mapping: which property of which object goes into which of <see cref="EventFields"/>, written
/// once against <see cref="IEventJsonSource"/> for both sources.
/// </summary>
internal static partial class EventJsonReader
{
    /// <summary>Reads the properties of the event object, which the source has entered.</summary>
    internal static void ReadEvent<TSource>(ref TSource json, ref EventFields f)
        where TSource : IEventJsonSource, allows ref struct
    {
        while (json.NextProperty(out var field))
        {
            switch (field)
            {
                case EventField.Time: f.Time = Int64(ref json); break;
                case EventField.SelfId: f.SelfId = Id(ref json, field, ref f) ?? 0; break;
                case EventField.PostType: f.PostType = json.ReadName(); break;
                case EventField.MessageType: f.MessageType = json.ReadName(); break;
                case EventField.NoticeType: f.NoticeType = json.ReadName(); break;
                case EventField.RequestType: f.RequestType = json.ReadName(); break;
                case EventField.MetaEventType: f.MetaEventType = json.ReadName(); break;
                case EventField.SubType: f.SubType = json.ReadName(); break;
                case EventField.MessageId: f.MessageId = Id(ref json, field, ref f) ?? 0; break;
                case EventField.UserId: f.UserId = Id(ref json, field, ref f); break;
                case EventField.GroupId: f.GroupId = Id(ref json, field, ref f); break;
                case EventField.Anonymous: f.Anonymous = ReadAnonymous(ref json); break;
                case EventField.Message: f.Message = json.ReadMessage(); break;
                case EventField.RawMessage:
                    // The dispatch path never needs the CQ-code text, so where the source can, it is decoded on first use.
                    if (!json.TryDeferString(out f.RawMessageStart, out f.RawMessageLength))
                    {
                        f.RawMessage = json.ReadString();
                    }
                    break;
                case EventField.Font: f.Font = Int32(ref json); break;
                case EventField.Sender:
                    // Few handlers read the sender, so where the source can, it is read on first use.
                    if (!json.TryDeferObject(out f.SenderStart, out f.SenderLength))
                    {
                        ReadSender(ref json, ref f.Sender);
                    }
                    break;
                case EventField.MessageSeq: f.MessageSeq = json.ReadNullableInt64(); break;
                case EventField.TargetId: f.TargetId = Id(ref json, field, ref f); break;
                case EventField.TempSource: f.TempSource = NullableInt32(ref json); break;
                case EventField.OperatorId: f.OperatorId = Id(ref json, field, ref f) ?? 0; break;
                case EventField.Duration: f.Duration = Int64(ref json); break;
                case EventField.File: ReadFile(ref json, ref f.File); break;
                case EventField.SenderId: f.SenderId = Id(ref json, field, ref f); break;
                case EventField.HonorType: f.HonorType = json.ReadName(); break;
                case EventField.Title: f.Title = json.ReadString(); break;
                case EventField.CardNew: f.CardNew = json.ReadString(); break;
                case EventField.CardOld: f.CardOld = json.ReadString(); break;
                case EventField.Comment: f.Comment = json.ReadString(); break;
                case EventField.Flag: f.Flag = json.ReadString(); break;
                case EventField.Status: f.Status = ReadStatus(ref json); break;
                case EventField.Interval: f.Interval = Int64(ref json); break;
                case EventField.Client: f.Client = ReadClient(ref json); break;
                case EventField.Online: f.Online = json.ReadNullableBoolean(); break;
                default: json.SkipValue(); break;
            }
        }
    }

    /// <summary>Reads a <c>sender</c> object; the source is on its value.</summary>
    internal static void ReadSender<TSource>(ref TSource json, ref SenderFields s)
        where TSource : IEventJsonSource, allows ref struct
    {
        if (!json.EnterObject())
        {
            return;
        }
        s.Present = true;
        while (json.NextProperty(out var field))
        {
            switch (field)
            {
                case EventField.UserId: s.UserId = json.ReadNullableInt64(); break;
                case EventField.Nickname: s.Nickname = json.ReadString(); break;
                case EventField.Card: s.Card = json.ReadString(); break;
                case EventField.Sex: s.Sex = json.ReadSex(); break;
                case EventField.Age: s.Age = Int32(ref json); break;
                case EventField.Area: s.Area = json.ReadString(); break;
                case EventField.Level: s.Level = json.ReadString(); break;
                case EventField.Role: s.Role = json.ReadRole(); break;
                case EventField.Title: s.Title = json.ReadString(); break;
                default: json.SkipValue(); break;
            }
        }
    }

    private static AnonymousInfo? ReadAnonymous<TSource>(ref TSource json)
        where TSource : IEventJsonSource, allows ref struct
    {
        if (!json.EnterObject())
        {
            return null;
        }
        long id = 0;
        string? name = null, flag = null;
        while (json.NextProperty(out var field))
        {
            switch (field)
            {
                case EventField.Id: id = Int64(ref json); break;
                case EventField.Name: name = json.ReadString(); break;
                case EventField.Flag: flag = json.ReadString(); break;
                default: json.SkipValue(); break;
            }
        }
        return new AnonymousInfo { Id = id, Name = name ?? string.Empty, Flag = flag ?? string.Empty };
    }

    private static void ReadFile<TSource>(ref TSource json, ref FileFields file)
        where TSource : IEventJsonSource, allows ref struct
    {
        if (!json.EnterObject())
        {
            return;
        }
        while (json.NextProperty(out var field))
        {
            switch (field)
            {
                case EventField.Id: file.Id = json.ReadString(); break;
                case EventField.Name: file.Name = json.ReadString(); break;
                case EventField.Size: file.Size = Int64(ref json); break;
                case EventField.BusId: file.BusId = Int64(ref json); break;
                case EventField.Url: file.Url = json.ReadString(); break;
                default: json.SkipValue(); break;
            }
        }
    }

    private static HeartbeatStatus? ReadStatus<TSource>(ref TSource json)
        where TSource : IEventJsonSource, allows ref struct
    {
        if (!json.EnterObject())
        {
            return null;
        }
        bool? online = null, good = null, appInitialized = null, appEnabled = null, pluginsGood = null, appGood = null;
        StatusStatistics? stat = null;
        while (json.NextProperty(out var field))
        {
            switch (field)
            {
                case EventField.Online: online = json.ReadNullableBoolean(); break;
                case EventField.Good: good = json.ReadNullableBoolean(); break;
                case EventField.AppInitialized: appInitialized = json.ReadNullableBoolean(); break;
                case EventField.AppEnabled: appEnabled = json.ReadNullableBoolean(); break;
                case EventField.PluginsGood: pluginsGood = json.ReadNullableBoolean(); break;
                case EventField.AppGood: appGood = json.ReadNullableBoolean(); break;
                case EventField.Stat: stat = ReadStatistics(ref json); break;
                default: json.SkipValue(); break;
            }
        }
        return new HeartbeatStatus
        {
            Online = online,
            Good = good,
            AppInitialized = appInitialized,
            AppEnabled = appEnabled,
            PluginsGood = pluginsGood,
            AppGood = appGood,
            Stat = stat,
        };
    }

    private static StatusStatistics? ReadStatistics<TSource>(ref TSource json)
        where TSource : IEventJsonSource, allows ref struct
    {
        if (!json.EnterObject())
        {
            return null;
        }
        long received = 0, sent = 0, lost = 0, messagesReceived = 0, messagesSent = 0, disconnects = 0, lostTimes = 0, last = 0;
        while (json.NextProperty(out var field))
        {
            switch (field)
            {
                case EventField.PacketReceived: received = Int64(ref json); break;
                case EventField.PacketSent: sent = Int64(ref json); break;
                case EventField.PacketLost: lost = Int64(ref json); break;
                case EventField.MessageReceived: messagesReceived = Int64(ref json); break;
                case EventField.MessageSent: messagesSent = Int64(ref json); break;
                case EventField.DisconnectTimes: disconnects = Int64(ref json); break;
                case EventField.LostTimes: lostTimes = Int64(ref json); break;
                case EventField.LastMessageTime: last = Int64(ref json); break;
                default: json.SkipValue(); break;
            }
        }
        return new StatusStatistics
        {
            PacketReceived = received,
            PacketSent = sent,
            PacketLost = lost,
            MessageReceived = messagesReceived,
            MessageSent = messagesSent,
            DisconnectTimes = disconnects,
            LostTimes = lostTimes,
            LastMessageTime = last,
        };
    }

    private static ClientDevice? ReadClient<TSource>(ref TSource json)
        where TSource : IEventJsonSource, allows ref struct
    {
        if (!json.EnterObject())
        {
            return null;
        }
        long appId = 0;
        string? deviceName = null, deviceKind = null;
        while (json.NextProperty(out var field))
        {
            switch (field)
            {
                case EventField.AppId: appId = Int64(ref json); break;
                case EventField.DeviceName: deviceName = json.ReadString(); break;
                case EventField.DeviceKind: deviceKind = json.ReadString(); break;
                default: json.SkipValue(); break;
            }
        }
        return new ClientDevice { AppId = appId, DeviceName = deviceName ?? string.Empty, DeviceKind = deviceKind ?? string.Empty };
    }

    /// <summary>
    /// Reads an id of the event object, noting the first one that is not an integer: read as 0, it would
    /// send a reply to group or user 0, so <see cref="EventFactory"/> refuses the event instead.
    /// </summary>
    private static long? Id<TSource>(ref TSource json, EventField field, ref EventFields f)
        where TSource : IEventJsonSource, allows ref struct
    {
        if (json.TryReadId(out var value, out var kind))
        {
            return value;
        }
        if (f.InvalidId == EventField.Unknown)
        {
            f.InvalidId = field;
            f.InvalidIdKind = kind;
        }
        return null;
    }

    private static long Int64<TSource>(ref TSource json)
        where TSource : IEventJsonSource, allows ref struct => json.ReadNullableInt64() ?? 0;

    private static int Int32<TSource>(ref TSource json)
        where TSource : IEventJsonSource, allows ref struct => (int)Math.Clamp(Int64(ref json), int.MinValue, int.MaxValue);

    private static int? NullableInt32<TSource>(ref TSource json)
        where TSource : IEventJsonSource, allows ref struct =>
        json.ReadNullableInt64() is { } value ? (int)Math.Clamp(value, int.MinValue, int.MaxValue) : null;
}
