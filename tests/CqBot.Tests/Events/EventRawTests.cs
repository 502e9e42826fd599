using System.Text.Json;

namespace CqBot.Tests.Events;

public class EventRawTests
{
    [Fact]
    public void Raw_AfterTheInputBufferIsReused_StillHoldsTheEvent()
    {
        var buffer = EventFixtures.Read("message_group_array.json");
        var evt = EventParser.Parse(buffer);

        Array.Fill(buffer, (byte)' ');

        Assert.Equal("群聊之火", evt.Raw.GetProperty("sender").GetProperty("title").GetString());
        Assert.Equal(-2035123987, evt.Raw.GetProperty("message_id").GetInt64());
    }

    [Fact]
    public void Raw_OfAParsedEvent_IsTheWholeObjectAsReceived()
    {
        var bytes = EventFixtures.Read("notice_group_upload.json");
        var evt = EventParser.Parse(bytes);

        using var expected = JsonDocument.Parse(bytes);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, evt.Raw));
    }

    [Fact]
    public void Raw_ReadFromManyThreadsAtOnce_GivesTheSameJsonEverywhere()
    {
        var evt = EventParser.Parse(EventFixtures.Read("message_group_array.json"));
        var texts = new string[64];

        Parallel.For(0, texts.Length, i => texts[i] = evt.Raw.GetRawText());

        Assert.All(texts, text => Assert.Equal(texts[0], text));
        Assert.Contains("\"group_id\": 123456789", texts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_OfAnEventBuiltInCode_IsUndefined()
    {
        var evt = new FriendAddNotice { UserId = 1 };

        Assert.Equal(JsonValueKind.Undefined, evt.Raw.ValueKind);
    }

    [Fact]
    public void Raw_GivenInCode_OutlivesItsDocument()
    {
        FriendAddNotice evt;
        using (var document = JsonDocument.Parse("""{"post_type":"notice","notice_type":"friend_add","user_id":1}"""))
        {
            evt = new FriendAddNotice { UserId = 1, Raw = document.RootElement };
        }

        Assert.Equal(1, evt.Raw.GetProperty("user_id").GetInt32());
    }

    [Fact]
    public void Constructor_OfEachEventType_SetsItsPostAndDetailType()
    {
        Assert.Equal("message.group", new GroupMessageEvent().ToString());
        Assert.Equal("message.private", new PrivateMessageEvent().ToString());
        Assert.Equal("group", new GroupMessageEvent().MessageType);
        Assert.Equal("notice.group_increase", new GroupIncreaseNotice().ToString());
        Assert.Equal("notice.notify.poke", new PokeNotice().ToString());
        Assert.Equal("notice.notify.title", new TitleNotice().ToString());
        Assert.Equal("request.group", new GroupRequest().ToString());
        Assert.Equal("meta_event.heartbeat", new HeartbeatEvent().ToString());
        Assert.Equal("message_sent", new MessageSentEvent().ToString());
        Assert.Equal("", new UnknownEvent().ToString());
    }

    [Fact]
    public void ToString_OfAParsedEvent_NamesAllThreeLevels()
    {
        var evt = EventParser.Parse(EventFixtures.Read("message_group_anonymous_array.json"));

        Assert.Equal("message.group.anonymous", evt.ToString());
    }

    [Fact]
    public void Parse_WellKnownNames_ShareOneStringInstance()
    {
        var first = EventParser.Parse(EventFixtures.Read("message_group_array.json"));
        var second = EventParser.Parse(EventFixtures.Read("message_group_string.json"));

        Assert.Same(first.PostType, second.PostType);
        Assert.Same(first.DetailType, second.DetailType);
        Assert.Same(first.SubType, second.SubType);
    }
}
