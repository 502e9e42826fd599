using System.Text.Json;
using CqBot.Events;

namespace CqBot.Json;

/// <summary>
/// Picks the event type from <c>post_type</c>, then the detail type (<c>message_type</c>,
/// <c>notice_type</c>, <c>request_type</c>, <c>meta_event_type</c>), then <c>sub_type</c> for
/// <c>notify</c>, and builds it from the fields read.
/// </summary>
/// <remarks>
/// Nothing is dropped: an unknown post type or message type becomes <see cref="UnknownEvent"/>, an
/// unknown notice, request or meta event type the <c>Unknown…</c> subtype of its post type, and an
/// unknown sub-type of a known type keeps the known type with <see cref="Event.SubType"/> as sent.
/// </remarks>
internal static class EventFactory
{
    /// <summary>Builds the event from the fields read.</summary>
    /// <param name="f">The fields.</param>
    /// <param name="raw">The event object's bytes.</param>
    /// <param name="rawStart">Where the event object starts in the input the field offsets refer to.</param>
    public static Event Create(ref EventFields f, byte[] raw, int rawStart)
    {
        // Deferred values are found again in the event's own copy of its bytes.
        f.SenderStart -= rawStart;
        f.RawMessageStart -= rawStart;
        var postType = f.PostType ?? string.Empty;
        string? detailType;
        Event? evt;
        switch (postType)
        {
            case EventNames.Message:
                detailType = f.MessageType;
                evt = detailType switch
                {
                    EventNames.Private => CreatePrivateMessage(ref f, raw),
                    EventNames.Group => CreateGroupMessage(ref f, raw),
                    _ => null,
                };
                break;
            case EventNames.MessageSent:
                // go-cqhttp keeps the detail field's name: message_type, not message_sent_type.
                detailType = f.MessageType;
                evt = detailType is EventNames.Private or EventNames.Group ? CreateMessageSent(ref f, raw) : null;
                break;
            case EventNames.Notice:
                detailType = f.NoticeType;
                evt = CreateNotice(ref f);
                break;
            case EventNames.Request:
                detailType = f.RequestType;
                evt = CreateRequest(ref f);
                break;
            case EventNames.MetaEvent:
                detailType = f.MetaEventType;
                evt = f.MetaEventType switch
                {
                    EventNames.Lifecycle => new LifecycleEvent(),
                    EventNames.Heartbeat => new HeartbeatEvent { Status = f.Status ?? new HeartbeatStatus(), Interval = f.Interval },
                    _ => new UnknownMetaEvent(),
                };
                break;
            default:
                // By the protocol's naming rule the detail of post_type X is in X_type.
                detailType = postType.Length == 0 ? null : FindString(raw, postType + "_type");
                evt = null;
                break;
        }
        if (f.InvalidId != EventField.Unknown)
        {
            RefuseInvalidId(ref f, modelled: evt is not null);
        }
        evt ??= new UnknownEvent();
        evt.SetCommon(f.Time, f.SelfId, postType, detailType, f.SubType, raw);
        evt.SetChat(f.GroupId, f.UserId);
        return evt;
    }

    /// <summary>
    /// Refuses an event with an id that is not an integer. Of an event type CqBot does not model, only the
    /// ids that decide where a reply goes count: go-cqhttp's guild messages, for one, have text message ids.
    /// </summary>
    private static void RefuseInvalidId(ref EventFields f, bool modelled)
    {
        if (!modelled && f.InvalidId is not (EventField.SelfId or EventField.UserId or EventField.GroupId))
        {
            return;
        }
        var what = f.InvalidIdKind switch
        {
            JsonTokenType.String => "a string that holds no integer",
            JsonTokenType.Number => "a number beyond the 64-bit integer range",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.StartObject => "an object",
            _ => "not an integer",
        };
        throw new EventParseException(
            $"The event's \"{EventFieldNames.NameOf(f.InvalidId)}\" is {what}; an id must be a JSON number or a string of digits.");
    }

    private static PrivateMessageEvent CreatePrivateMessage(ref EventFields f, byte[] raw)
    {
        var message = GetMessage(ref f, raw);
        return new PrivateMessageEvent
        {
            MessageId = f.MessageId,
            UserId = f.UserId ?? 0,
            Message = message,
            ParsedRawMessage = ParseRawMessage(ref f),
            Font = f.Font,
            ParsedSender = ParseSender(ref f),
            MessageSeq = f.MessageSeq,
            TargetId = f.TargetId,
            TempSource = f.TempSource,
        };
    }

    private static GroupMessageEvent CreateGroupMessage(ref EventFields f, byte[] raw)
    {
        var message = GetMessage(ref f, raw);
        return new GroupMessageEvent
        {
            MessageId = f.MessageId,
            UserId = f.UserId ?? 0,
            Message = message,
            ParsedRawMessage = ParseRawMessage(ref f),
            Font = f.Font,
            ParsedSender = ParseSender(ref f),
            MessageSeq = f.MessageSeq,
            GroupId = f.GroupId ?? 0,
            Anonymous = f.Anonymous,
        };
    }

    private static MessageSentEvent CreateMessageSent(ref EventFields f, byte[] raw)
    {
        var message = GetMessage(ref f, raw);
        return new MessageSentEvent
        {
            MessageId = f.MessageId,
            UserId = f.UserId ?? 0,
            GroupId = f.GroupId,
            TargetId = f.TargetId,
            Message = message,
            ParsedRawMessage = ParseRawMessage(ref f),
            Font = f.Font,
            ParsedSender = ParseSender(ref f),
            MessageSeq = f.MessageSeq,
        };
    }

    private static NoticeEvent CreateNotice(ref EventFields f) => f.NoticeType switch
    {
        EventNames.GroupUpload => new GroupUploadNotice
        {
            GroupId = f.GroupId ?? 0,
            UserId = f.UserId ?? 0,
            File = new GroupFileInfo
            {
                Id = f.File.Id ?? string.Empty,
                Name = f.File.Name ?? string.Empty,
                Size = f.File.Size,
                BusId = f.File.BusId,
            },
        },
        EventNames.GroupAdmin => new GroupAdminNotice { GroupId = f.GroupId ?? 0, UserId = f.UserId ?? 0 },
        EventNames.GroupDecrease => new GroupDecreaseNotice { GroupId = f.GroupId ?? 0, OperatorId = f.OperatorId, UserId = f.UserId ?? 0 },
        EventNames.GroupIncrease => new GroupIncreaseNotice { GroupId = f.GroupId ?? 0, OperatorId = f.OperatorId, UserId = f.UserId ?? 0 },
        EventNames.GroupBan => new GroupBanNotice
        {
            GroupId = f.GroupId ?? 0,
            OperatorId = f.OperatorId,
            UserId = f.UserId ?? 0,
            Duration = f.Duration,
        },
        EventNames.FriendAdd => new FriendAddNotice { UserId = f.UserId ?? 0 },
        EventNames.GroupRecall => new GroupRecallNotice
        {
            GroupId = f.GroupId ?? 0,
            UserId = f.UserId ?? 0,
            OperatorId = f.OperatorId,
            MessageId = f.MessageId,
        },
        EventNames.FriendRecall => new FriendRecallNotice { UserId = f.UserId ?? 0, MessageId = f.MessageId },
        EventNames.Notify => CreateNotify(ref f),
        EventNames.GroupCard => new GroupCardNotice
        {
            GroupId = f.GroupId ?? 0,
            UserId = f.UserId ?? 0,
            CardNew = f.CardNew ?? string.Empty,
            CardOld = f.CardOld ?? string.Empty,
        },
        EventNames.Essence => new EssenceNotice
        {
            GroupId = f.GroupId ?? 0,
            SenderId = f.SenderId ?? 0,
            OperatorId = f.OperatorId,
            MessageId = f.MessageId,
        },
        EventNames.OfflineFile => new OfflineFileNotice
        {
            UserId = f.UserId ?? 0,
            File = new OfflineFileInfo
            {
                Name = f.File.Name ?? string.Empty,
                Size = f.File.Size,
                Url = f.File.Url ?? string.Empty,
            },
        },
        EventNames.ClientStatus => new ClientStatusNotice { Client = f.Client ?? new ClientDevice(), Online = f.Online ?? false },
        _ => new UnknownNotice { GroupId = f.GroupId, UserId = f.UserId },
    };

    private static NoticeEvent CreateNotify(ref EventFields f) => f.SubType switch
    {
        EventNames.Poke => new PokeNotice { GroupId = f.GroupId, UserId = f.UserId ?? 0, TargetId = f.TargetId ?? 0, SenderId = f.SenderId },
        EventNames.LuckyKing => new LuckyKingNotice { GroupId = f.GroupId ?? 0, UserId = f.UserId ?? 0, TargetId = f.TargetId ?? 0 },
        EventNames.Honor => new HonorNotice { GroupId = f.GroupId ?? 0, HonorType = f.HonorType ?? string.Empty, UserId = f.UserId ?? 0 },
        EventNames.Title => new TitleNotice { GroupId = f.GroupId ?? 0, UserId = f.UserId ?? 0, Title = f.Title ?? string.Empty },
        _ => new UnknownNotice { GroupId = f.GroupId, UserId = f.UserId },
    };

    private static RequestEvent CreateRequest(ref EventFields f)
    {
        var userId = f.UserId ?? 0;
        var comment = f.Comment ?? string.Empty;
        var flag = f.Flag ?? string.Empty;
        return f.RequestType switch
        {
            EventNames.Friend => new FriendRequest { UserId = userId, Comment = comment, Flag = flag },
            EventNames.Group => new GroupRequest { GroupId = f.GroupId ?? 0, UserId = userId, Comment = comment, Flag = flag },
            _ => new UnknownRequest { UserId = userId, Comment = comment, Flag = flag },
        };
    }

    private static Message GetMessage(ref EventFields f, byte[] raw)
    {
        if (f.Message is { } message)
        {
            return message;
        }
        if (f.RawMessageLength > 0)
        {
            f.RawMessage = Messaging.JsonText.Decode(raw.AsSpan(f.RawMessageStart, f.RawMessageLength));
            f.RawMessageLength = 0;
        }
        // No usable `message`: raw_message is the same message as a CQ string.
        if (!string.IsNullOrEmpty(f.RawMessage))
        {
            try
            {
                return Message.FromCqCode(f.RawMessage);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A CQ string the message model rejects leaves the message empty; RawMessage keeps it.
            }
        }
        return MessageEvent.EmptyMessage;
    }

    /// <summary>
    /// The raw message when it was read with the event, or where to decode it on first use; without a
    /// <c>raw_message</c>, the message formatted as CQ code on first use.
    /// </summary>
    private static (string? Built, DeferredRawMessage Deferred) ParseRawMessage(ref EventFields f) =>
        f.RawMessage is { } text ? (text, default)
        : f.RawMessageLength > 0 ? (null, new DeferredRawMessage(f.RawMessageStart, f.RawMessageLength, FromMessage: false))
        : (null, new DeferredRawMessage(0, 0, FromMessage: true));

    /// <summary>The sender when it was read with the event, or where to read it on first use.</summary>
    private static (MessageSender? Built, DeferredSender Deferred) ParseSender(ref EventFields f) =>
        f.SenderLength > 0
            ? (null, new DeferredSender(f.SenderStart, f.SenderLength))
            : (CreateSender(ref f.Sender, f.UserId ?? 0), default);

    /// <summary>Builds the sender; one without a user id of its own takes the event's.</summary>
    public static MessageSender CreateSender(ref SenderFields s, long eventUserId)
    {
        var userId = s.UserId ?? eventUserId;
        if (!s.Present)
        {
            return new MessageSender { UserId = userId };
        }
        return new MessageSender
        {
            UserId = userId,
            Nickname = s.Nickname ?? string.Empty,
            Card = s.Card,
            Sex = s.Sex,
            Age = s.Age,
            Area = s.Area,
            Level = s.Level,
            Role = s.Role,
            Title = s.Title,
        };
    }

    /// <summary>The string value of a top-level property, or null; only used for unknown post types.</summary>
    private static string? FindString(byte[] utf8Json, string propertyName)
    {
        var reader = new Utf8JsonReader(utf8Json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(propertyName);
            reader.Read();
            if (match)
            {
                return LenientJson.ReadName(ref reader);
            }
            reader.Skip();
        }
        return null;
    }
}
