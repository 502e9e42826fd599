namespace CqBot.Tests.Events;

public class MessageEventParsingTests
{
    private const string GroupRawMessage = "[CQ:reply,id=-1289374651][CQ:at,qq=10001000] 明天几点开会？&#91;急&#93; A&amp;B 组都要来";
    private const string PrivateRawMessage = "[CQ:face,id=178]看看&#91;新&#93;照片 &amp; 视频，[CQ:image,file=6B4DE3DFD1BD271E3297859D41C530F5.jpg,url=https://gchat.qpic.cn/gchatpic_new/12345678/0-0-6B4DE3DFD1BD271E3297859D41C530F5/0?term=2&amp;is_origin=0]";

    [Theory]
    [InlineData("message_group_array.json")]
    [InlineData("message_group_string.json")]
    public void Parse_GroupMessageFixture_ReadsEveryField(string file)
    {
        var evt = EventFixtures.Parse<GroupMessageEvent>(file);

        Assert.Equal(1715760100, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("message", evt.PostType);
        Assert.Equal("group", evt.MessageType);
        Assert.Equal("group", evt.DetailType);
        Assert.Equal("normal", evt.SubType);
        Assert.Equal(-2035123987, evt.MessageId);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Null(evt.Anonymous);
        Assert.False(evt.IsAnonymous);
        Assert.Equal(["reply", "at", "text"], EventFixtures.Types(evt.Message));
        Assert.Equal(" 明天几点开会？[急] A&B 组都要来", evt.Message.GetPlainText());
        Assert.Equal(GroupRawMessage, evt.RawMessage);
        Assert.Equal(0, evt.Font);
        Assert.Null(evt.MessageSeq);

        var sender = evt.Sender;
        Assert.Equal(12345678, sender.UserId);
        Assert.Equal("小不点", sender.Nickname);
        Assert.Equal("技术组-小不点", sender.Card);
        Assert.Equal(Sex.Male, sender.Sex);
        Assert.Equal(18, sender.Age);
        Assert.Equal("北京", sender.Area);
        Assert.Equal("32", sender.Level);
        Assert.Equal(GroupRole.Admin, sender.Role);
        Assert.Equal("群聊之火", sender.Title);
        Assert.Equal("技术组-小不点", sender.DisplayName);
    }

    [Fact]
    public void Parse_GroupMessageStringAndArrayForms_GiveTheSameMessage()
    {
        var fromArray = EventFixtures.Parse<GroupMessageEvent>("message_group_array.json");
        var fromString = EventFixtures.Parse<GroupMessageEvent>("message_group_string.json");

        Assert.Equal(fromArray.Message.ToCqCode(), fromString.Message.ToCqCode());
    }

    [Fact]
    public void Parse_AnonymousGroupMessageFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<GroupMessageEvent>("message_group_anonymous_array.json");

        Assert.Equal(1715760200, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("message", evt.PostType);
        Assert.Equal("group", evt.MessageType);
        Assert.Equal("anonymous", evt.SubType);
        Assert.Equal(371650893, evt.MessageId);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(80000000, evt.UserId);
        Assert.True(evt.IsAnonymous);
        var anonymous = Assert.IsType<AnonymousInfo>(evt.Anonymous);
        Assert.Equal(2148467312, anonymous.Id);
        Assert.Equal("无敌的萌新", anonymous.Name);
        Assert.Equal("AAAAAgAAAAAFAAAAAP8SAQBbGi3Fdq3PVg==|无敌的萌新", anonymous.Flag);
        Assert.Equal(["face", "text"], EventFixtures.Types(evt.Message));
        Assert.Equal("匿名吐槽一下", evt.Message.GetPlainText());
        Assert.Equal("[CQ:face,id=14]匿名吐槽一下", evt.RawMessage);
        Assert.Equal(0, evt.Font);

        var sender = evt.Sender;
        Assert.Equal(80000000, sender.UserId);
        Assert.Equal("匿名消息", sender.Nickname);
        Assert.Equal("", sender.Card);
        Assert.Equal(Sex.Unknown, sender.Sex);
        Assert.Equal(0, sender.Age);
        Assert.Equal("", sender.Area);
        Assert.Equal("", sender.Level);
        Assert.Equal(GroupRole.Member, sender.Role);
        Assert.Equal("", sender.Title);
        Assert.Equal("匿名消息", sender.DisplayName);
    }

    [Theory]
    [InlineData("message_private_array.json")]
    [InlineData("message_private_string.json")]
    public void Parse_PrivateMessageFixture_ReadsEveryField(string file)
    {
        var evt = EventFixtures.Parse<PrivateMessageEvent>(file);

        Assert.Equal(1715760000, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("message", evt.PostType);
        Assert.Equal("private", evt.MessageType);
        Assert.Equal("private", evt.DetailType);
        Assert.Equal("friend", evt.SubType);
        Assert.Equal(1874265402, evt.MessageId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal(["face", "text", "image"], EventFixtures.Types(evt.Message));
        Assert.Equal("看看[新]照片 & 视频，", evt.Message.GetPlainText());
        Assert.Equal(PrivateRawMessage, evt.RawMessage);
        Assert.Equal(0, evt.Font);
        Assert.Null(evt.TargetId);
        Assert.Null(evt.TempSource);
        Assert.Null(evt.MessageSeq);

        var sender = evt.Sender;
        Assert.Equal(12345678, sender.UserId);
        Assert.Equal("小不点", sender.Nickname);
        Assert.Equal(Sex.Male, sender.Sex);
        Assert.Equal(18, sender.Age);
        Assert.Null(sender.Card);
        Assert.Null(sender.Area);
        Assert.Null(sender.Level);
        Assert.Equal(GroupRole.Unknown, sender.Role);
        Assert.Null(sender.Title);
        Assert.Equal("小不点", sender.DisplayName);
    }

    [Fact]
    public void Parse_PrivateMessageStringAndArrayForms_GiveTheSameMessage()
    {
        var fromArray = EventFixtures.Parse<PrivateMessageEvent>("message_private_array.json");
        var fromString = EventFixtures.Parse<PrivateMessageEvent>("message_private_string.json");

        Assert.Equal(fromArray.Message.ToCqCode(), fromString.Message.ToCqCode());
    }

    [Fact]
    public void Parse_GroupTempPrivateMessageFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<PrivateMessageEvent>("message_private_group_temp_array.json");

        Assert.Equal(1715760030, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("message", evt.PostType);
        Assert.Equal("private", evt.MessageType);
        Assert.Equal("group", evt.SubType);
        Assert.Equal(1874265410, evt.MessageId);
        Assert.Equal(23456789, evt.UserId);
        Assert.Equal(["text"], EventFixtures.Types(evt.Message));
        Assert.Equal("你好，请问怎么入群？", evt.Message.GetPlainText());
        Assert.Equal("你好，请问怎么入群？", evt.RawMessage);
        Assert.Equal(0, evt.Font);

        var sender = evt.Sender;
        Assert.Equal(23456789, sender.UserId);
        Assert.Equal("路人甲", sender.Nickname);
        Assert.Equal(Sex.Unknown, sender.Sex);
        Assert.Equal(0, sender.Age);
    }

    [Fact]
    public void Parse_GoCqhttpTempSessionFields_ReadsTargetIdAndTempSource()
    {
        var evt = Assert.IsType<PrivateMessageEvent>(EventParser.Parse("""
            {"time":1,"self_id":10001000,"post_type":"message","message_type":"private","sub_type":"group",
             "message_id":5,"user_id":23456789,"target_id":10001000,"temp_source":0,"message":"hi","raw_message":"hi","font":0,
             "sender":{"user_id":23456789,"nickname":"路人甲"}}
            """u8));

        Assert.Equal(10001000, evt.TargetId);
        Assert.Equal(0, evt.TempSource);
    }
}
