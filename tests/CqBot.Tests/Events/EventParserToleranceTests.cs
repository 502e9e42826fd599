using System.Text;

namespace CqBot.Tests.Events;

/// <summary>What real implementations send that the spec does not say, and input that is not an event.</summary>
public class EventParserToleranceTests
{
    private static Event Parse(string json) => EventParser.Parse(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"time":1,"self_id":""")]
    [InlineData("""{"time":1,}""")]
    [InlineData("""{"time":1}}""")]
    [InlineData("""{"time":1} {"time":2}""")]
    [InlineData("""{'time':1}""")]
    [InlineData("""{"message":[{"type":"text","data":{"text":"a"}}""")]
    public void Parse_MalformedJson_ThrowsEventParseExceptionSayingSo(string json)
    {
        var exception = Assert.Throws<EventParseException>(() => Parse(json));

        Assert.Contains("not valid JSON", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(exception);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(exception.InnerException);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("""[{"post_type":"message"}]""", "an array")]
    [InlineData("\"message\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("true", "a boolean")]
    [InlineData("null", "null")]
    public void Parse_NonObject_ThrowsEventParseExceptionNamingWhatItIs(string json, string what)
    {
        var exception = Assert.Throws<EventParseException>(() => Parse(json));

        Assert.Contains("must be a JSON object", exception.Message, StringComparison.Ordinal);
        Assert.Contains(what, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n ")]
    public void Parse_EmptyInput_ThrowsEventParseExceptionSayingItIsEmpty(string json)
    {
        var exception = Assert.Throws<EventParseException>(() => Parse(json));

        Assert.Contains("empty", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("nul")]
    [InlineData("""{"post_type":"message"} trailing""")]
    public void TryParse_InvalidInput_ReturnsFalseWithAnError(string json)
    {
        var parsed = EventParser.TryParse(Encoding.UTF8.GetBytes(json), out var evt, out var error);

        Assert.False(parsed);
        Assert.Null(evt);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_ValidEvent_ReturnsTheEventAndNoError()
    {
        var parsed = EventParser.TryParse(EventFixtures.Read("notice_friend_add.json"), out var evt, out var error);

        Assert.True(parsed);
        Assert.IsType<FriendAddNotice>(evt);
        Assert.Null(error);
    }

    [Fact]
    public void Parse_UnknownPostType_ReturnsUnknownEventKeepingItsNames()
    {
        var evt = Assert.IsType<UnknownEvent>(Parse("""
            {"time":5,"self_id":10001000,"post_type":"message_reaction","message_reaction_type":"like","sub_type":"add","count":3}
            """));

        Assert.Equal("message_reaction", evt.PostType);
        Assert.Equal("like", evt.DetailType);
        Assert.Equal("add", evt.SubType);
        Assert.Equal(5, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal(3, evt.Raw.GetProperty("count").GetInt32());
    }

    [Fact]
    public void Parse_NoPostType_ReturnsUnknownEventWithEmptyPostType()
    {
        var evt = Assert.IsType<UnknownEvent>(Parse("""{"status":"ok","retcode":0,"data":null,"echo":"1"}"""));

        Assert.Equal("", evt.PostType);
        Assert.Null(evt.DetailType);
        Assert.Equal("1", evt.Raw.GetProperty("echo").GetString());
    }

    [Fact]
    public void Parse_UnknownMessageType_ReturnsUnknownEventKeepingItsNames()
    {
        var evt = Assert.IsType<UnknownEvent>(Parse("""
            {"time":1,"self_id":1,"post_type":"message","message_type":"guild","sub_type":"channel","guild_id":"1234","channel_id":"5678","user_id":"144115218677563300","message":"hi"}
            """));

        Assert.Equal("message", evt.PostType);
        Assert.Equal("guild", evt.DetailType);
        Assert.Equal("channel", evt.SubType);
    }

    [Fact]
    public void Parse_UnknownNoticeType_ReturnsUnknownNoticeWithGroupAndUser()
    {
        var evt = Assert.IsType<UnknownNotice>(Parse("""
            {"time":1,"self_id":1,"post_type":"notice","notice_type":"group_msg_emoji_like","group_id":123456789,"user_id":12345678,
             "message_id":42,"likes":[{"emoji_id":"76","count":1}]}
            """));

        Assert.Equal("group_msg_emoji_like", evt.NoticeType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal(1, evt.Raw.GetProperty("likes").GetArrayLength());
    }

    [Fact]
    public void Parse_UnknownNotifySubType_ReturnsUnknownNoticeKeepingSubType()
    {
        var evt = Assert.IsType<UnknownNotice>(Parse("""
            {"time":1,"self_id":1,"post_type":"notice","notice_type":"notify","sub_type":"profile_like","operator_id":12345678,"times":1}
            """));

        Assert.Equal("notify", evt.NoticeType);
        Assert.Equal("profile_like", evt.SubType);
        Assert.Null(evt.GroupId);
    }

    [Fact]
    public void Parse_UnknownSubTypeOfKnownNotice_KeepsTheTypedNotice()
    {
        var evt = Assert.IsType<GroupDecreaseNotice>(Parse("""
            {"time":1,"self_id":1,"post_type":"notice","notice_type":"group_decrease","sub_type":"disband","group_id":9,"operator_id":8,"user_id":7}
            """));

        Assert.Equal("disband", evt.SubType);
        Assert.Equal(9, evt.GroupId);
    }

    [Fact]
    public void Parse_UnknownRequestType_ReturnsUnknownRequestWithFlag()
    {
        var evt = Assert.IsType<UnknownRequest>(Parse("""
            {"time":1,"self_id":1,"post_type":"request","request_type":"guild","user_id":5,"comment":"hi","flag":"f-1"}
            """));

        Assert.Equal("guild", evt.RequestType);
        Assert.Equal(5, evt.UserId);
        Assert.Equal("hi", evt.Comment);
        Assert.Equal("f-1", evt.Flag);
    }

    [Fact]
    public void Parse_UnknownMetaEventType_ReturnsUnknownMetaEvent()
    {
        var evt = Assert.IsType<UnknownMetaEvent>(Parse("""{"time":1,"self_id":1,"post_type":"meta_event","meta_event_type":"goodbye"}"""));

        Assert.Equal("goodbye", evt.MetaEventType);
    }

    [Fact]
    public void Parse_IdsAsStrings_ReadsTheNumbers()
    {
        var evt = Assert.IsType<GroupMessageEvent>(Parse("""
            {"time":"1715760100","self_id":"10001000","post_type":"message","message_type":"group","sub_type":"normal",
             "message_id":"-2035123987","group_id":"123456789","user_id":"12345678","message":"hi","raw_message":"hi","font":"0",
             "sender":{"user_id":"12345678","nickname":"小不点","age":"18"}}
            """));

        Assert.Equal(1715760100, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal(-2035123987, evt.MessageId);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal(12345678, evt.Sender.UserId);
        Assert.Equal(18, evt.Sender.Age);
    }

    [Fact]
    public void Parse_NoticeIdsAsStrings_ReadsTheNumbers()
    {
        var evt = Assert.IsType<GroupRecallNotice>(Parse("""
            {"time":1,"self_id":1,"post_type":"notice","notice_type":"group_recall","group_id":"123456789","user_id":"12345678","operator_id":"87654321","message_id":"1234567890123456789"}
            """));

        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal(87654321, evt.OperatorId);
        Assert.Equal(1234567890123456789, evt.MessageId);
    }

    [Theory]
    [InlineData("9876543210", 9876543210)]
    [InlineData("-9876543210", -9876543210)]
    [InlineData("2147483648", 2147483648)]
    [InlineData("-2147483649", -2147483649)]
    [InlineData("\"9007199254740993\"", 9007199254740993)]
    public void Parse_MessageIdBeyondInt32_ReadsItExactly(string messageId, long expected)
    {
        var evt = Assert.IsType<PrivateMessageEvent>(Parse($$"""
            {"time":1,"self_id":1,"post_type":"message","message_type":"private","sub_type":"friend","message_id":{{messageId}},"user_id":2,"message":"hi","raw_message":"hi","font":0,"sender":{"user_id":2} }
            """));

        Assert.Equal(expected, evt.MessageId);
    }

    [Theory]
    [InlineData("32", "32")]
    [InlineData("\"32\"", "32")]
    [InlineData("0", "0")]
    [InlineData("null", null)]
    public void Parse_SenderLevelAsNumberOrString_ReadsItAsText(string level, string? expected)
    {
        var evt = Assert.IsType<GroupMessageEvent>(Parse($$$"""
            {"time":1,"self_id":1,"post_type":"message","message_type":"group","group_id":3,"user_id":2,"message":"hi","sender":{"user_id":2,"level":{{{level}}}}}
            """));

        Assert.Equal(expected, evt.Sender.Level);
    }

    [Theory]
    [InlineData("")]
    [InlineData(""","sender":null""")]
    [InlineData(""","sender":"unknown" """)]
    public void Parse_MissingSender_GivesSenderWithTheEventUserId(string senderProperty)
    {
        var evt = Assert.IsType<GroupMessageEvent>(Parse($$$"""
            {"time":1,"self_id":1,"post_type":"message","message_type":"group","group_id":3,"user_id":12345678,"message":"hi"{{{senderProperty}}}}
            """));

        Assert.Equal(12345678, evt.Sender.UserId);
        Assert.Equal("", evt.Sender.Nickname);
        Assert.Null(evt.Sender.Card);
        Assert.Equal(GroupRole.Unknown, evt.Sender.Role);
    }

    [Fact]
    public void Parse_SenderWithoutUserId_TakesTheEventUserId()
    {
        var evt = Assert.IsType<PrivateMessageEvent>(EventParser.Parse("""
            {"post_type":"message","message_type":"private","user_id":12345678,"message":"hi","sender":{"nickname":"小不点","sex":"female"}}
            """u8));

        Assert.Equal(12345678, evt.Sender.UserId);
        Assert.Equal("小不点", evt.Sender.Nickname);
        Assert.Equal(Sex.Female, evt.Sender.Sex);
    }

    [Fact]
    public void Parse_SenderWithLoneSurrogate_KeepsTheSenderWithReplacementCharacter()
    {
        // A lone surrogate escape is valid JSON but no valid text; it decodes to U+FFFD, as invalid UTF-8 does.
        var evt = Assert.IsType<GroupMessageEvent>(EventParser.Parse("""
            {"post_type":"message","message_type":"group","group_id":3,"user_id":5,"message":"hi","sender":{"user_id":5,"nickname":"\ud800"}}
            """u8));

        Assert.Equal("hi", evt.Message.GetPlainText());
        Assert.Equal(5, evt.Sender.UserId);
        Assert.Equal("\uFFFD", evt.Sender.Nickname);
    }

    [Fact]
    public void Sender_ReadFromManyThreadsAtOnce_IsOneInstance()
    {
        var evt = Assert.IsType<GroupMessageEvent>(EventParser.Parse(EventFixtures.Read("message_group_array.json")));
        var senders = new MessageSender[64];

        Parallel.For(0, senders.Length, i => senders[i] = evt.Sender);

        Assert.All(senders, sender => Assert.Same(senders[0], sender));
        Assert.Equal("小不点", senders[0].Nickname);
    }

    [Fact]
    public void Sender_SetInCode_IsKept()
    {
        var sender = new MessageSender { UserId = 7, Nickname = "n" };

        Assert.Same(sender, new GroupMessageEvent { Sender = sender }.Sender);
        Assert.Equal(0, new GroupMessageEvent().Sender.UserId);
    }

    [Fact]
    public void SenderAndRawMessage_NotSetInCode_AreTheEventUserIdAndEmpty()
    {
        var evt = new GroupMessageEvent { UserId = 5, Message = Message.FromCqCode("hi") };

        Assert.Equal(5, evt.Sender.UserId);
        Assert.Equal("", evt.RawMessage);
    }

    [Fact]
    public void Parse_ExtraFields_AreSkippedAndKeptInRaw()
    {
        var evt = Assert.IsType<GroupMessageEvent>(Parse("""
            {"time":1,"self_id":1,"post_type":"message","message_type":"group","sub_type":"normal",
             "real_id":7,"message_format":"array","napcat":{"nested":[1,{"deep":[true,null]}]},
             "message_id":5,"group_id":3,"user_id":2,"message":[{"type":"text","data":{"text":"hi"}}],"raw_message":"hi","font":0,
             "sender":{"user_id":2,"nickname":"n","extra":{"a":[1,2]},"role":"owner"},"group_name":"测试群"}
            """));

        Assert.Equal(5, evt.MessageId);
        Assert.Equal(3, evt.GroupId);
        Assert.Equal(2, evt.UserId);
        Assert.Equal("hi", evt.RawMessage);
        Assert.Equal(GroupRole.Owner, evt.Sender.Role);
        Assert.Equal("n", evt.Sender.Nickname);
        Assert.Equal(7, evt.Raw.GetProperty("real_id").GetInt32());
        Assert.Equal("测试群", evt.Raw.GetProperty("group_name").GetString());
        Assert.Equal(2, evt.Raw.GetProperty("sender").GetProperty("extra").GetProperty("a").GetArrayLength());
    }

    [Fact]
    public void Parse_MinimalMessageEvent_UsesDefaultsForMissingFields()
    {
        var evt = Assert.IsType<GroupMessageEvent>(Parse("""{"post_type":"message","message_type":"group"}"""));

        Assert.Equal(0, evt.Time);
        Assert.Equal(0, evt.SelfId);
        Assert.Null(evt.SubType);
        Assert.Equal(0, evt.MessageId);
        Assert.Equal(0, evt.GroupId);
        Assert.Equal(0, evt.UserId);
        Assert.Empty(evt.Message);
        Assert.Equal("", evt.RawMessage);
        Assert.Equal(0, evt.Font);
        Assert.Null(evt.Anonymous);
        Assert.Equal(0, evt.Sender.UserId);
    }

    [Fact]
    public void Parse_MinimalNotices_UseDefaultsForMissingFields()
    {
        var upload = Assert.IsType<GroupUploadNotice>(Parse("""{"post_type":"notice","notice_type":"group_upload"}"""));
        var heartbeat = Assert.IsType<HeartbeatEvent>(Parse("""{"post_type":"meta_event","meta_event_type":"heartbeat"}"""));
        var request = Assert.IsType<FriendRequest>(Parse("""{"post_type":"request","request_type":"friend"}"""));

        Assert.Equal("", upload.File.Id);
        Assert.Equal(0, upload.File.Size);
        Assert.Null(heartbeat.Status.Good);
        Assert.Null(heartbeat.Status.Online);
        Assert.Equal("", request.Flag);
        Assert.Equal("", request.Comment);
    }

    [Fact]
    public void Parse_NoMessageButRawMessage_ReadsTheMessageFromRawMessage()
    {
        var evt = Assert.IsType<PrivateMessageEvent>(Parse("""
            {"post_type":"message","message_type":"private","user_id":2,"raw_message":"[CQ:face,id=14]你好"}
            """));

        Assert.Equal(["face", "text"], EventFixtures.Types(evt.Message));
        Assert.Equal("你好", evt.Message.GetPlainText());
    }

    [Fact]
    public void Parse_NoRawMessage_UsesTheMessageAsCqCode()
    {
        var evt = Assert.IsType<PrivateMessageEvent>(Parse("""
            {"post_type":"message","message_type":"private","user_id":2,"message":[{"type":"face","data":{"id":"14"}}]}
            """));

        Assert.Equal(evt.Message.ToCqCode(), evt.RawMessage);
        Assert.StartsWith("[CQ:face", evt.RawMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"text","data":{"text":"你好"}}""")]
    [InlineData("42")]
    [InlineData("null")]
    public void Parse_MessageOfUnexpectedShape_FallsBackToRawMessage(string message)
    {
        var evt = Assert.IsType<GroupMessageEvent>(Parse($$"""
            {"post_type":"message","message_type":"group","group_id":3,"user_id":2,"message":{{message}},"raw_message":"你好","font":0}
            """));

        Assert.Equal("你好", evt.Message.GetPlainText());
        Assert.Equal("你好", evt.RawMessage);
        Assert.Equal(3, evt.GroupId);
    }

    [Fact]
    public void Parse_ValuesOfTheWrongType_BecomeDefaults()
    {
        var evt = Assert.IsType<GroupMessageEvent>(Parse("""
            {"time":true,"self_id":null,"post_type":"message","message_type":"group","message_id":null,"group_id":null,
             "user_id":null,"anonymous":5,"font":"x","raw_message":["a"],"sender":{"age":"old","sex":1,"role":["admin"],"nickname":{"a":1}}}
            """));

        // Ids may be null; one of another type refuses the event (EventIdTests).
        Assert.Equal(0, evt.Time);
        Assert.Equal(0, evt.SelfId);
        Assert.Equal(0, evt.MessageId);
        Assert.Equal(0, evt.GroupId);
        Assert.Equal(0, evt.UserId);
        Assert.Null(evt.Anonymous);
        Assert.Equal(0, evt.Font);
        Assert.Equal("", evt.RawMessage);
        Assert.Equal(0, evt.Sender.Age);
        Assert.Equal(Sex.Unknown, evt.Sender.Sex);
        Assert.Equal(GroupRole.Unknown, evt.Sender.Role);
        Assert.Equal("", evt.Sender.Nickname);
    }

    [Fact]
    public void Parse_NumbersWrittenAsFloatingPoint_AreTruncated()
    {
        var evt = Assert.IsType<GroupBanNotice>(Parse("""
            {"time":1.7157607E9,"self_id":10001000.0,"post_type":"notice","notice_type":"group_ban","duration":"600.5","user_id":4.2e1,"group_id":"7.9"}
            """));

        Assert.Equal(1715760700, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal(600, evt.Duration);
        Assert.Equal(42, evt.UserId);
        Assert.Equal(7, evt.GroupId);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("\"true\"", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("\"0\"", false)]
    [InlineData("null", false)]
    public void Parse_BooleanInAnyCommonShape_ReadsIt(string online, bool expected)
    {
        var evt = Assert.IsType<ClientStatusNotice>(Parse($$"""
            {"post_type":"notice","notice_type":"client_status","client":{"app_id":"537065990","device_name":"iPad","device_kind":"iPad"},"online":{{online}}}
            """));

        Assert.Equal(expected, evt.Online);
        Assert.Equal(537065990, evt.Client.AppId);
    }

    [Fact]
    public void Parse_EscapedPropertyNamesAndValues_AreRecognised()
    {
        var evt = Assert.IsType<GroupAdminNotice>(Parse("""
            {"\u0070ost_type":"notice","notice_type":"group\u005fadmin","sub_\u0074ype":"unset","group_id":1,"user_id":2}
            """));

        Assert.Equal("group_admin", evt.NoticeType);
        Assert.Equal("unset", evt.SubType);
        Assert.Equal(1, evt.GroupId);
    }

    [Fact]
    public void Parse_UnknownSexAndRoleValues_BecomeUnknown()
    {
        var evt = Assert.IsType<GroupMessageEvent>(Parse("""
            {"post_type":"message","message_type":"group","message":"x","sender":{"sex":"other","role":"robot"}}
            """));

        Assert.Equal(Sex.Unknown, evt.Sender.Sex);
        Assert.Equal(GroupRole.Unknown, evt.Sender.Role);
    }

    [Fact]
    public void Parse_ForwardSegmentWithIdBeyond2Pow53_KeepsTheSegmentAndTheExactId()
    {
        var evt = Assert.IsType<PrivateMessageEvent>(Parse("""
            {"post_type":"message","message_type":"private","user_id":2,"message":[{"type":"forward","data":{"id":"7412345678901234567890"}}],"raw_message":"[CQ:forward,id=7412345678901234567890]"}
            """));

        Assert.Equal(["forward"], EventFixtures.Types(evt.Message));
        Assert.Equal("7412345678901234567890", evt.Raw.GetProperty("message")[0].GetProperty("data").GetProperty("id").GetString());
    }

    [Fact]
    public void Parse_WhitespaceAroundTheObject_IsAccepted()
    {
        var evt = Parse("\r\n\t {\"post_type\":\"notice\",\"notice_type\":\"friend_add\",\"user_id\":9} \n");

        var notice = Assert.IsType<FriendAddNotice>(evt);
        Assert.Equal(9, notice.UserId);
        Assert.StartsWith("{", evt.Raw.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateProperty_TakesTheLastValue()
    {
        var evt = Assert.IsType<FriendAddNotice>(Parse("""{"post_type":"notice","notice_type":"friend_add","user_id":1,"user_id":2}"""));

        Assert.Equal(2, evt.UserId);
    }

    [Fact]
    public void Parse_Utf8ByteOrderMark_IsAccepted()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. """{"post_type":"notice","notice_type":"friend_add","user_id":9}"""u8];

        var evt = Assert.IsType<FriendAddNotice>(EventParser.Parse(bytes));

        Assert.Equal(9, evt.UserId);
        Assert.Equal(9, evt.Raw.GetProperty("user_id").GetInt32());
    }
}
