namespace CqBot.Tests.Events;

public class ExtensionEventParsingTests
{
    [Fact]
    public void Parse_MessageSentFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<MessageSentEvent>("extensions/message_sent_group_gocqhttp.json");

        Assert.Equal(1715760110, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("message_sent", evt.PostType);
        Assert.Equal("group", evt.MessageType);
        Assert.Equal("group", evt.DetailType);
        Assert.Equal("normal", evt.SubType);
        Assert.Equal(935720641, evt.MessageId);
        Assert.Equal(5123, evt.MessageSeq);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(10001000, evt.UserId);
        Assert.Null(evt.TargetId);
        Assert.Equal(["text"], EventFixtures.Types(evt.Message));
        Assert.Equal("收到，明天上午 10 点", evt.Message.GetPlainText());
        Assert.Equal("收到，明天上午 10 点", evt.RawMessage);
        Assert.Equal(0, evt.Font);

        var sender = evt.Sender;
        Assert.Equal(10001000, sender.UserId);
        Assert.Equal("机器人", sender.Nickname);
        Assert.Equal("", sender.Card);
        Assert.Equal(Sex.Unknown, sender.Sex);
        Assert.Equal(0, sender.Age);
        Assert.Equal("", sender.Area);
        Assert.Equal("", sender.Level);
        Assert.Equal(GroupRole.Member, sender.Role);
        Assert.Equal("", sender.Title);
    }

    [Fact]
    public void Parse_MessageSentFixture_IsNotAMessageEvent()
    {
        var evt = EventParser.Parse(EventFixtures.Read("extensions/message_sent_group_gocqhttp.json"));

        Assert.IsNotAssignableFrom<MessageEvent>(evt);
    }

    [Fact]
    public void Parse_GoCqhttpHeartbeatFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<HeartbeatEvent>("extensions/meta_heartbeat_gocqhttp.json");

        Assert.Equal(1715760015, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("meta_event", evt.PostType);
        Assert.Equal("heartbeat", evt.MetaEventType);
        Assert.Equal(5000, evt.Interval);
        var status = evt.Status;
        Assert.True(status.AppInitialized);
        Assert.True(status.AppEnabled);
        Assert.Null(status.PluginsGood);
        Assert.True(status.AppGood);
        Assert.True(status.Online);
        Assert.True(status.Good);
        var stat = Assert.IsType<StatusStatistics>(status.Stat);
        Assert.Equal(3456, stat.PacketReceived);
        Assert.Equal(3012, stat.PacketSent);
        Assert.Equal(0, stat.PacketLost);
        Assert.Equal(812, stat.MessageReceived);
        Assert.Equal(97, stat.MessageSent);
        Assert.Equal(0, stat.DisconnectTimes);
        Assert.Equal(0, stat.LostTimes);
        Assert.Equal(1715760010, stat.LastMessageTime);
    }

    [Fact]
    public void Parse_ClientStatusFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<ClientStatusNotice>("extensions/notice_client_status_gocqhttp.json");

        Assert.Equal(1715762200, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("client_status", evt.NoticeType);
        Assert.Equal(537065990, evt.Client.AppId);
        Assert.Equal("iPad", evt.Client.DeviceName);
        Assert.Equal("iPad", evt.Client.DeviceKind);
        Assert.True(evt.Online);
    }

    [Fact]
    public void Parse_EssenceFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<EssenceNotice>("extensions/notice_essence_gocqhttp.json");

        Assert.Equal(1715762000, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("essence", evt.NoticeType);
        Assert.Equal("add", evt.SubType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(12345678, evt.SenderId);
        Assert.Equal(87654321, evt.OperatorId);
        Assert.Equal(-2035123987, evt.MessageId);
    }

    [Fact]
    public void Parse_GroupCardFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<GroupCardNotice>("extensions/notice_group_card_gocqhttp.json");

        Assert.Equal(1715761900, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("group_card", evt.NoticeType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal("技术组-小不点", evt.CardNew);
        Assert.Equal("", evt.CardOld);
    }

    [Fact]
    public void Parse_FriendPokeFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<PokeNotice>("extensions/notice_notify_poke_friend_gocqhttp.json");

        Assert.Equal(1715761700, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("notify", evt.NoticeType);
        Assert.Equal("poke", evt.SubType);
        Assert.Null(evt.GroupId);
        Assert.Equal(12345678, evt.SenderId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal(10001000, evt.TargetId);
    }

    [Fact]
    public void Parse_TitleFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<TitleNotice>("extensions/notice_notify_title_gocqhttp.json");

        Assert.Equal(1715761800, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("notify", evt.NoticeType);
        Assert.Equal("title", evt.SubType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal("群聊之火", evt.Title);
    }

    [Fact]
    public void Parse_OfflineFileFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<OfflineFileNotice>("extensions/notice_offline_file_gocqhttp.json");

        Assert.Equal(1715762100, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("offline_file", evt.NoticeType);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal("报告.pdf", evt.File.Name);
        Assert.Equal(1048576, evt.File.Size);
        Assert.Equal("http://183.3.235.146/ftn_handler/abcdef0123456789", evt.File.Url);
    }

    [Fact]
    public void Parse_PrivateMessageSent_HasTargetAndNoGroup()
    {
        var evt = Assert.IsType<MessageSentEvent>(EventParser.Parse("""
            {"time":1,"self_id":10001000,"post_type":"message_sent","message_type":"private","sub_type":"friend","message_id":7,
             "user_id":10001000,"target_id":12345678,"message":"好的","raw_message":"好的","font":0,"sender":{"user_id":10001000,"nickname":"机器人"}}
            """u8));

        Assert.Equal("private", evt.MessageType);
        Assert.Null(evt.GroupId);
        Assert.Equal(12345678, evt.TargetId);
        Assert.Equal("好的", evt.Message.GetPlainText());
    }

    [Fact]
    public void Parse_MessageSentOfUnknownMessageType_ReturnsUnknownEvent()
    {
        var evt = Assert.IsType<UnknownEvent>(EventParser.Parse("""
            {"time":1,"self_id":1,"post_type":"message_sent","message_type":"guild","message":"x"}
            """u8));

        Assert.Equal("message_sent", evt.PostType);
        Assert.Equal("guild", evt.DetailType);
    }
}
