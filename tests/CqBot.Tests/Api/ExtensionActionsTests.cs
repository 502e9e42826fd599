using System.Text.Json;

namespace CqBot.Tests.Api;

/// <summary>The common extensions: parameters as the implementations name them, results in their shapes.</summary>
public sealed class ExtensionActionsTests
{
    private static readonly Message Nodes = Message.Create([Segment.Node(1), Segment.Node(10, "alice", "hi")]);

    private static async Task<(ApiRequest Request, T Result)> CallAsync<T>(string? dataJson, Func<IBot, Task<T>> call)
    {
        var transport = new ScriptedTransport(dataJson);
        var result = await call(new Bot(1, transport));
        return (transport.Request!, result);
    }

    private static async Task<ApiRequest> CallAsync(Func<IBot, Task> call)
    {
        var transport = new ScriptedTransport(null);
        await call(new Bot(1, transport));
        return transport.Request!;
    }

    private static string[] Names(ApiRequest request) => [.. request.GetParameters().EnumerateObject().Select(p => p.Name).Order()];

    private static JsonElement CommonExtension(string action)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "onebot11-apis.json")));
        return document.RootElement.GetProperty("common_extensions").EnumerateArray()
            .Single(e => e.GetProperty("action").GetString() == action).Clone();
    }

    [Theory]
    [InlineData("send_group_forward_msg")]
    [InlineData("send_private_forward_msg")]
    [InlineData("send_forward_msg")]
    [InlineData("get_group_msg_history")]
    [InlineData("mark_msg_as_read")]
    public async Task ExtensionWithParametersInTheSpecData_WritesTheirNames(string action)
    {
        var request = action switch
        {
            "send_group_forward_msg" => (await CallAsync("""{"message_id":1}""", bot => bot.SendGroupForwardMessageAsync(20, Nodes))).Request,
            "send_private_forward_msg" => (await CallAsync("""{"message_id":1}""", bot => bot.SendPrivateForwardMessageAsync(10, Nodes))).Request,
            "send_forward_msg" => (await CallAsync("""{"message_id":1}""", bot => bot.SendForwardMessageAsync(Nodes, MessageType.Group, 10, 20))).Request,
            "get_group_msg_history" => (await CallAsync("""{"messages":[]}""", bot => bot.GetGroupMessageHistoryAsync(20, 5, 10, reverseOrder: true))).Request,
            _ => await CallAsync(bot => bot.MarkMessageAsReadAsync(5)),
        };
        var spec = CommonExtension(action).GetProperty("params").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order();
        Assert.Equal(action, request.Action);
        Assert.Equal(spec, Names(request));
    }

    [Fact]
    public async Task SendGroupForwardMessage_CountsAgainstTheGroupsRateLimit()
    {
        var (request, sent) = await CallAsync("""{"message_id":"99","forward_id":"abc"}""", bot => bot.SendGroupForwardMessageAsync(20, Nodes));
        Assert.True(request.SendsMessage);
        Assert.Equal(20, request.TargetGroupId);
        Assert.Equal(new SentForwardMessage { MessageId = 99, ForwardId = "abc" }, sent);
    }

    [Fact]
    public async Task GetGroupMessageHistory_MessageEvents_AreRead()
    {
        var (_, history) = await CallAsync("""
            {"messages":[{"post_type":"message","message_type":"group","message_id":1,"group_id":20,"user_id":10,
              "sender":{"user_id":10,"nickname":"alice","role":"member"},"message":[{"type":"text","data":{"text":"a"}}],"raw_message":"a","time":5}]}
            """, bot => bot.GetGroupMessageHistoryAsync(20));

        var message = Assert.Single(history.Messages);
        Assert.Equal(10, message.UserId);
        Assert.Equal(GroupRole.Member, message.Sender!.Role);
        Assert.Equal("a", message.Message.GetPlainText());
    }

    [Fact]
    public async Task EssenceActions_WriteTheMessageOrGroupAndReadTheList()
    {
        Assert.Equal(["message_id"], Names(await CallAsync(bot => bot.SetEssenceMessageAsync(5))));
        Assert.Equal(["message_id"], Names(await CallAsync(bot => bot.DeleteEssenceMessageAsync(5))));
        var (request, list) = await CallAsync("""
            [{"sender_id":10,"sender_nick":"alice","sender_time":1,"operator_id":11,"operator_nick":"bob","operator_time":2,"message_id":5}]
            """, bot => bot.GetEssenceMessagesAsync(20));
        Assert.Equal(["group_id"], Names(request));
        Assert.Equal("bob", Assert.Single(list).OperatorNick);
    }

    [Fact]
    public async Task GetGroupSystemMessages_BothLists_AreRead()
    {
        var (_, pending) = await CallAsync("""
            {"invited_requests":[{"request_id":1,"invitor_uin":10,"invitor_nick":"alice","group_id":20,"group_name":"g","checked":false,"actor":0}],
             "join_requests":null}
            """, bot => bot.GetGroupSystemMessagesAsync());
        Assert.Equal(10, Assert.Single(pending.InvitedRequests).InvitorUin);
        Assert.Empty(pending.JoinRequests);
    }

    [Fact]
    public async Task GroupFileActions_WriteTheirParametersAndReadTheListing()
    {
        Assert.Equal(["file", "folder", "group_id", "name"], Names(await CallAsync(bot => bot.UploadGroupFileAsync(20, "/tmp/a", "a", "/dir"))));
        Assert.Equal(["file", "name", "user_id"], Names(await CallAsync(bot => bot.UploadPrivateFileAsync(10, "/tmp/a", "a"))));
        Assert.Equal(["busid", "file_id", "group_id"], Names(await CallAsync(bot => bot.DeleteGroupFileAsync(20, "f", 102))));
        Assert.Equal(["group_id", "name", "parent_id"], Names(await CallAsync(bot => bot.CreateGroupFileFolderAsync(20, "d", "/x"))));
        var (_, url) = await CallAsync("""{"url":"https://file"}""", bot => bot.GetGroupFileUrlAsync(20, "f", 102));
        Assert.Equal("https://file", url.Url);
        var (request, listing) = await CallAsync("""
            {"files":[{"group_id":20,"file_id":"/f","file_name":"a.txt","busid":102,"file_size":"12","upload_time":1,"dead_time":0,"modify_time":1,"download_times":3,"uploader":10,"uploader_name":"alice"}],
             "folders":[{"group_id":20,"folder_id":"/d","folder_name":"docs","create_time":1,"creator":10,"creator_name":"alice","total_file_count":2}]}
            """, bot => bot.GetGroupFilesByFolderAsync(20, "/d"));
        Assert.Equal(["folder_id", "group_id"], Names(request));
        Assert.Equal(12, Assert.Single(listing.Files).FileSize);
        Assert.Equal("docs", Assert.Single(listing.Folders).FolderName);
    }
}
