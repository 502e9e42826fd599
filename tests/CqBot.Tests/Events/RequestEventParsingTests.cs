namespace CqBot.Tests.Events;

public class RequestEventParsingTests
{
    [Fact]
    public void Parse_FriendRequestFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<FriendRequest>("request_friend.json");

        Assert.Equal(1715761400, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("request", evt.PostType);
        Assert.Equal("friend", evt.RequestType);
        Assert.Equal("friend", evt.DetailType);
        Assert.Null(evt.SubType);
        Assert.Equal(67890123, evt.UserId);
        Assert.Equal("我是群里的小王，加个好友", evt.Comment);
        Assert.Equal("1715761400000000_67890123", evt.Flag);
    }

    [Fact]
    public void Parse_GroupAddRequestFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<GroupRequest>("request_group_add.json");

        Assert.Equal(1715761500, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("request", evt.PostType);
        Assert.Equal("group", evt.RequestType);
        Assert.Equal("add", evt.SubType);
        Assert.Equal(123456789, evt.GroupId);
        Assert.Equal(78901234, evt.UserId);
        Assert.Equal("问题：你从哪里知道本群的？\n答案：GitHub", evt.Comment);
        Assert.Equal("1715761500123456|78901234|123456789|add", evt.Flag);
    }

    [Fact]
    public void Parse_GroupInviteRequestFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<GroupRequest>("request_group_invite.json");

        Assert.Equal(1715761600, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("request", evt.PostType);
        Assert.Equal("group", evt.RequestType);
        Assert.Equal("invite", evt.SubType);
        Assert.Equal(987654321, evt.GroupId);
        Assert.Equal(12345678, evt.UserId);
        Assert.Equal("", evt.Comment);
        Assert.Equal("1715761600654321|12345678|987654321|invite", evt.Flag);
    }
}
