using CqBot.Testing;

namespace CqBot.Tests.Api;

/// <summary>Actions of one implementation, declared the way a bot author declares them.</summary>
public static partial class NapCatTestActions
{
    /// <summary>Reacts to a message with an emoji (NapCat's <c>set_msg_emoji_like</c>).</summary>
    [OneBotAction("set_msg_emoji_like")]
    public static partial Task SetMessageEmojiLikeAsync(this IBot bot, long messageId, string emojiId, bool set = true, CancellationToken cancellationToken = default);

    /// <summary>Reads the keys of image URLs (NapCat's <c>get_rkey</c>).</summary>
    [OneBotAction("get_rkey")]
    public static partial ValueTask<IReadOnlyList<ImageKey>> GetImageKeysAsync(this IBot bot, CancellationToken cancellationToken = default);
}

/// <summary>One key of <c>get_rkey</c>.</summary>
public sealed class ImageKey
{
    /// <summary>Which chats it is for.</summary>
    public MessageType Type { get; init; }

    /// <summary>The key.</summary>
    [Parameter("rkey")]
    public required string Key { get; init; }

    /// <summary>How long it lives, in seconds.</summary>
    public long Ttl { get; set; }
}

public sealed class ExtensionActionDeclarationTests
{
    [Fact]
    public async Task DeclaredAction_CalledOnTestBot_SendsItsParametersAndKeepsTheTypedRequest()
    {
        await using var bot = await TestBot.StartAsync(_ => { });

        await bot.Bot.SetMessageEmojiLikeAsync(123, "76");

        var call = Assert.Single(bot.Calls, c => c.Action == "set_msg_emoji_like");
        Assert.Equal("""{"message_id":123,"emoji_id":"76"}""", call.Parameters.GetRawText());
        var request = Assert.IsType<NapCatTestActions.SetMessageEmojiLikeRequest>(call.Request);
        Assert.Equal(123, request.MessageId);
        Assert.True(request.Set);
    }

    [Fact]
    public async Task DeclaredAction_WithScriptedReply_ReadsTheTypedResult()
    {
        await using var bot = await TestBot.StartAsync(_ => { });
        bot.Reply("get_rkey", """[{"type":"private","rkey":"&rkey=abc","created_at":1,"ttl":"3600"},{"type":"group","rkey":"&rkey=def"}]""");

        var keys = await bot.Bot.GetImageKeysAsync();

        Assert.Equal(2, keys.Count);
        Assert.Equal(MessageType.Private, keys[0].Type);
        Assert.Equal("&rkey=abc", keys[0].Key);
        Assert.Equal(3600, keys[0].Ttl);
        Assert.Equal(MessageType.Group, keys[1].Type);
    }

    [Fact]
    public async Task DeclaredAction_ReplyMissingARequiredField_ThrowsNamingIt()
    {
        await using var bot = await TestBot.StartAsync(_ => { });
        bot.Reply("get_rkey", """[{"type":"private"}]""");

        var error = await Assert.ThrowsAsync<ApiResponseException>(async () => await bot.Bot.GetImageKeysAsync());
        Assert.Equal("[0].rkey", error.Field);
    }

    [Fact]
    public async Task TypedScriptedReply_AnswersFromTheTypedRequestWithoutJson()
    {
        await using var bot = await TestBot.StartAsync(_ => { });
        bot.Reply((GroupActions.GetGroupInfoRequest request) => new GroupInfo { GroupId = request.GroupId, GroupName = "测试群", MemberCount = 3 });
        bot.Reply((NapCatTestActions.GetImageKeysRequest _) => (IReadOnlyList<ImageKey>)[new ImageKey { Key = "k" }]);

        var group = await bot.Bot.GetGroupInfoAsync(77);
        var keys = await bot.Bot.GetImageKeysAsync();

        Assert.Equal(77, group.GroupId);
        Assert.Equal("测试群", group.GroupName);
        Assert.Equal("k", Assert.Single(keys).Key);
        Assert.Equal(77, Assert.IsType<GroupActions.GetGroupInfoRequest>(bot.Calls[0].Request).GroupId);
    }
}
