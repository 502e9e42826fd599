namespace CqBot.Tests.Messaging;

public sealed class MessageBuilderTests
{
    [Fact]
    public void Build_FluentCalls_AppendSegmentsInOrder()
    {
        var message = Message.CreateBuilder()
            .Reply(42)
            .At(10001000)
            .Text(" done ")
            .Face(178)
            .Image("a.jpg")
            .Build();

        Assert.Equal("[CQ:reply,id=42][CQ:at,qq=10001000] done [CQ:face,id=178][CQ:image,file=a.jpg]", message.ToCqCode());
    }

    [Fact]
    public void Build_Nothing_ReturnsEmpty()
    {
        Assert.Same(Message.Empty, Message.CreateBuilder().Build());
    }

    [Fact]
    public void Text_Empty_AppendsNothing()
    {
        var builder = Message.CreateBuilder().Text("");

        Assert.Equal(0, builder.Count);
    }

    [Fact]
    public void Text_Twice_KeepsTwoSegments()
    {
        var message = Message.CreateBuilder().Text("a").Text("b").Build();

        Assert.Equal(2, message.Count);
    }

    [Fact]
    public void Build_AppendAfterBuild_DoesNotChangeBuiltMessage()
    {
        var builder = Message.CreateBuilder().Text("a");
        var first = builder.Build();

        builder.Dice();

        Assert.Single(first);
        Assert.Equal(2, builder.Build().Count);
    }

    [Fact]
    public void Append_Message_AppendsEachSegment()
    {
        var message = Message.CreateBuilder().Append(Message.FromCqCode("a[CQ:face,id=1]")).Shake().Build();

        Assert.Equal("a[CQ:face,id=1][CQ:shake]", message.ToCqCode());
    }

    [Fact]
    public void Node_CustomContent_KeepsContentAsNestedMessage()
    {
        var content = Message.CreateBuilder().Text("hi").Build();

        var node = Message.CreateBuilder().Node(1, "bot", content).Build()[0];

        Assert.Equal(SegmentValueKind.Message, node.Data[2].Value.Kind);
        Assert.Same(content, node.Data[2].Value.NestedMessage);
    }
}
