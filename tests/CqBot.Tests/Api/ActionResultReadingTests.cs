namespace CqBot.Tests.Api;

/// <summary>Results in the shapes implementations really send, and the errors for data that cannot be read.</summary>
public sealed class ActionResultReadingTests
{
    private static Task<T> Read<T>(string dataJson, Func<IBot, Task<T>> call) => call(new Bot(1, new ScriptedTransport(dataJson)));

    [Fact]
    public async Task GetGroupMemberInfo_StringIdsNumericLevelAndBooleanAsNumber_AreRead()
    {
        var member = await Read("""
            {"group_id":"20","user_id":"1234567890123","nickname":"alice","level":5,"unfriendly":0,"card_changeable":1,"role":"owner","sex":"female","age":"18"}
            """, bot => bot.GetGroupMemberInfoAsync(20, 1));

        Assert.Equal(20, member.GroupId);
        Assert.Equal(1234567890123, member.UserId);
        Assert.Equal("5", member.Level);
        Assert.False(member.Unfriendly);
        Assert.True(member.CardChangeable);
        Assert.Equal(GroupRole.Owner, member.Role);
        Assert.Equal(Sex.Female, member.Sex);
        Assert.Equal(18, member.Age);
    }

    [Fact]
    public async Task GetGroupMemberInfo_OnlyIds_LeavesTheRestEmpty()
    {
        var member = await Read("""{"group_id":20,"user_id":1,"card":null}""", bot => bot.GetGroupMemberInfoAsync(20, 1));

        Assert.Equal("", member.Nickname);
        Assert.Null(member.Card);
        Assert.Null(member.Age);
        Assert.Equal(GroupRole.Unknown, member.Role);
        Assert.Equal(Sex.Unknown, member.Sex);
    }

    [Fact]
    public async Task GetLoginInfo_ExtraFieldsOfEveryKind_AreIgnored()
    {
        var login = await Read("""
            {"user_id":1,"nickname":"bot","extra":{"deep":[1,2,{"x":null}]},"flags":[true],"nickname_v2":"x"}
            """, bot => bot.GetLoginInfoAsync());

        Assert.Equal(new LoginInfo { UserId = 1, Nickname = "bot" }, login);
    }

    [Fact]
    public async Task GetStrangerInfo_UnknownSex_IsUnknown()
    {
        var stranger = await Read("""{"user_id":1,"sex":"other"}""", bot => bot.GetStrangerInfoAsync(1));
        Assert.Equal(Sex.Unknown, stranger.Sex);
    }

    [Fact]
    public async Task GetGroupMemberInfo_RequiredIdMissing_ThrowsNamingTheActionAndField()
    {
        var error = await Assert.ThrowsAsync<ApiResponseException>(() =>
            Read("""{"group_id":20,"nickname":"alice"}""", bot => bot.GetGroupMemberInfoAsync(20, 1)));

        Assert.Equal("get_group_member_info", error.Action);
        Assert.Equal("user_id", error.Field);
        Assert.Contains("user_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGroupMemberInfo_RequiredIdNull_CountsAsMissing()
    {
        var error = await Assert.ThrowsAsync<ApiResponseException>(() =>
            Read("""{"group_id":null,"user_id":1}""", bot => bot.GetGroupMemberInfoAsync(20, 1)));
        Assert.Equal("group_id", error.Field);
    }

    [Fact]
    public async Task GetGroupMemberInfo_IdOfTheWrongShape_ThrowsNamingTheField()
    {
        var error = await Assert.ThrowsAsync<ApiResponseException>(() =>
            Read("""{"group_id":{"id":20},"user_id":1}""", bot => bot.GetGroupMemberInfoAsync(20, 1)));
        Assert.Equal("group_id", error.Field);
    }

    [Fact]
    public async Task GetGroupMemberInfo_TextThatIsNoNumber_ThrowsNamingTheField()
    {
        var error = await Assert.ThrowsAsync<ApiResponseException>(() =>
            Read("""{"group_id":20,"user_id":"abc"}""", bot => bot.GetGroupMemberInfoAsync(20, 1)));
        Assert.Equal("user_id", error.Field);
    }

    [Fact]
    public async Task GetGroupHonorInfo_ItemOfAListWithoutItsId_ThrowsWithThePath()
    {
        var error = await Assert.ThrowsAsync<ApiResponseException>(() => Read("""
            {"group_id":20,"talkative_list":[{"user_id":1},{"nickname":"bob"}]}
            """, bot => bot.GetGroupHonorInfoAsync(20, GroupHonorType.Talkative)));

        Assert.Equal("get_group_honor_info", error.Action);
        Assert.Equal("talkative_list[1].user_id", error.Field);
    }

    [Fact]
    public async Task GetGroupHonorInfo_NestedObjectWithoutItsId_ThrowsWithThePath()
    {
        var error = await Assert.ThrowsAsync<ApiResponseException>(() => Read("""
            {"group_id":20,"current_talkative":{"nickname":"bob"}}
            """, bot => bot.GetGroupHonorInfoAsync(20, GroupHonorType.Talkative)));
        Assert.Equal("current_talkative.user_id", error.Field);
    }

    [Fact]
    public async Task GetGroupHonorInfo_ListsNotAskedFor_AreEmpty()
    {
        var honors = await Read("""{"group_id":20,"legend_list":null}""", bot => bot.GetGroupHonorInfoAsync(20, GroupHonorType.Talkative));
        Assert.Empty(honors.LegendList);
        Assert.Null(honors.CurrentTalkative);
    }

    [Fact]
    public async Task GetGroupList_ItemWithoutItsId_ThrowsWithTheIndex()
    {
        var error = await Assert.ThrowsAsync<ApiResponseException>(() =>
            Read("""[{"group_id":1},{"group_name":"x"}]""", bot => bot.GetGroupListAsync()));
        Assert.Equal("[1].group_id", error.Field);
    }

    [Fact]
    public async Task GetGroupList_DataNotAnArray_ThrowsNamingTheData()
    {
        var error = await Assert.ThrowsAsync<ApiResponseException>(() =>
            Read("""{"group_id":1}""", bot => bot.GetGroupListAsync()));
        Assert.Equal("data", error.Field);
    }

    [Fact]
    public async Task GetLoginInfo_NoData_ThrowsNamingTheData()
    {
        var error = await Assert.ThrowsAsync<ApiResponseException>(() => new Bot(1, new ScriptedTransport(null)).GetLoginInfoAsync());
        Assert.Equal("data", error.Field);
    }

    [Fact]
    public async Task GetMessage_GoCqhttpShapeWithCqCodeText_IsRead()
    {
        var message = await Read("""
            {"message_id":"-12","real_id":99,"time":1700000000,"message_type":"group","group":true,"group_id":20,
             "sender":{"user_id":10,"nickname":"alice"},"message":"hi [CQ:face,id=1]"}
            """, bot => bot.GetMessageAsync(-12));

        Assert.Equal(-12, message.MessageId);
        Assert.Equal(MessageType.Group, message.MessageType);
        Assert.Equal(20, message.GroupId);
        Assert.Equal("alice", message.Sender!.Nickname);
        Assert.Equal(2, message.Message.Count);
    }

    [Fact]
    public async Task GetForwardMessage_GoCqhttpShape_ReadsTheMessages()
    {
        var forward = await Read("""
            {"messages":[{"sender":{"user_id":10,"nickname":"alice"},"time":1,"content":[{"type":"text","data":{"text":"a"}}]},
                         {"sender":{"user_id":11,"nickname":"bob"},"time":2,"content":"b"}]}
            """, bot => bot.GetForwardMessageAsync("id"));

        Assert.Empty(forward.Message);
        Assert.Equal(["a", "b"], forward.Messages.Select(m => m.Content!.GetPlainText()));
    }

    [Fact]
    public async Task GetForwardMessage_SpecShape_ReadsTheNodes()
    {
        var forward = await Read("""
            {"message":[{"type":"node","data":{"user_id":"10","nickname":"alice","content":[{"type":"text","data":{"text":"a"}}]}}]}
            """, bot => bot.GetForwardMessageAsync("id"));

        Assert.Equal("node", Assert.Single(forward.Message).Type);
        Assert.Empty(forward.Messages);
    }

    [Fact]
    public async Task SendGroupMessage_IdAsStringBeyondInt32_IsRead()
    {
        var sent = await Read("""{"message_id":"7300000000"}""", bot => bot.SendGroupMessageAsync(1, "hi"));
        Assert.Equal(7300000000, sent.MessageId);
    }
}
