namespace CqBot.Tests.Events;

public class NoticeEventParsingTests
{
    [Fact]
    public void Parse_GroupUploadFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<GroupUploadNotice>("notice_group_upload.json");

        Assert.Equal(1715760300, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("group_upload", evt.NoticeType);
        Assert.Equal("group_upload", evt.DetailType);
        Assert.Null(evt.SubType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal("/e7b3a2c4-5d6f-11ef-9a1b-0242ac120002", evt.File.Id);
        Assert.Equal("会议纪要 2024-05-15.docx", evt.File.Name);
        Assert.Equal(48213, evt.File.Size);
        Assert.Equal(102, evt.File.BusId);
    }

    [Fact]
    public void Parse_GroupAdminFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<GroupAdminNotice>("notice_group_admin.json");

        Assert.Equal(1715760400, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("group_admin", evt.NoticeType);
        Assert.Equal("set", evt.SubType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(12345678, evt.UserId);
    }

    [Fact]
    public void Parse_GroupDecreaseFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<GroupDecreaseNotice>("notice_group_decrease.json");

        Assert.Equal(1715760500, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("group_decrease", evt.NoticeType);
        Assert.Equal("kick", evt.SubType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(87654321, evt.OperatorId);
        Assert.Equal(34567890, evt.UserId);
    }

    [Fact]
    public void Parse_GroupIncreaseFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<GroupIncreaseNotice>("notice_group_increase.json");

        Assert.Equal(1715760600, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("group_increase", evt.NoticeType);
        Assert.Equal("approve", evt.SubType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(87654321, evt.OperatorId);
        Assert.Equal(45678901, evt.UserId);
    }

    [Fact]
    public void Parse_GroupBanFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<GroupBanNotice>("notice_group_ban.json");

        Assert.Equal(1715760700, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("group_ban", evt.NoticeType);
        Assert.Equal("ban", evt.SubType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(87654321, evt.OperatorId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal(600, evt.Duration);
        Assert.False(evt.IsWholeGroup);
    }

    [Fact]
    public void Parse_WholeGroupBan_ReportsWholeGroup()
    {
        var evt = Assert.IsType<GroupBanNotice>(EventParser.Parse("""
            {"time":1,"self_id":1,"post_type":"notice","notice_type":"group_ban","sub_type":"ban",
             "group_id":123456789,"operator_id":87654321,"user_id":0,"duration":-1}
            """u8));

        Assert.True(evt.IsWholeGroup);
        Assert.Equal(-1, evt.Duration);
    }

    [Fact]
    public void Parse_FriendAddFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<FriendAddNotice>("notice_friend_add.json");

        Assert.Equal(1715760800, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("friend_add", evt.NoticeType);
        Assert.Null(evt.SubType);
        Assert.Equal(56789012, evt.UserId);
    }

    [Fact]
    public void Parse_GroupRecallFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<GroupRecallNotice>("notice_group_recall.json");

        Assert.Equal(1715760900, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("group_recall", evt.NoticeType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal(87654321, evt.OperatorId);
        Assert.Equal(-2035123987, evt.MessageId);
    }

    [Fact]
    public void Parse_FriendRecallFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<FriendRecallNotice>("notice_friend_recall.json");

        Assert.Equal(1715761000, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("friend_recall", evt.NoticeType);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal(1874265402, evt.MessageId);
    }

    [Fact]
    public void Parse_GroupPokeFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<PokeNotice>("notice_notify_poke.json");

        Assert.Equal(1715761100, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("notify", evt.NoticeType);
        Assert.Equal("poke", evt.SubType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal(10001000, evt.TargetId);
        Assert.Null(evt.SenderId);
    }

    [Fact]
    public void Parse_LuckyKingFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<LuckyKingNotice>("notice_notify_lucky_king.json");

        Assert.Equal(1715761200, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("notify", evt.NoticeType);
        Assert.Equal("lucky_king", evt.SubType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(87654321, evt.UserId);
        Assert.Equal(12345678, evt.TargetId);
    }

    [Fact]
    public void Parse_HonorFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<HonorNotice>("notice_notify_honor.json");

        Assert.Equal(1715761300, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("notice", evt.PostType);
        Assert.Equal("notify", evt.NoticeType);
        Assert.Equal("honor", evt.SubType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal("talkative", evt.HonorType);
        Assert.Equal(12345678, evt.UserId);
    }
}
