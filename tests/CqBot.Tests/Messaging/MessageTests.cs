namespace CqBot.Tests.Messaging;

public sealed class MessageTests
{
    [Fact]
    public void ImplicitConversion_String_IsOneTextSegmentNotParsedAsCqCode()
    {
        Message message = "[CQ:face,id=1] & more";

        var segment = Assert.Single(message);
        Assert.Equal(Segment.Text("[CQ:face,id=1] & more"), segment);
    }

    [Fact]
    public void ImplicitConversion_EmptyString_IsEmpty()
    {
        Message message = "";

        Assert.Same(Message.Empty, message);
    }

    [Fact]
    public void CollectionExpression_Segments_CreatesMessageInOrder()
    {
        Message message = [Segment.Reply(5), Segment.Text("ok")];

        Assert.Equal("[CQ:reply,id=5]ok", message.ToCqCode());
    }

    [Fact]
    public void Constructor_ArrayChangedAfterwards_KeepsOriginalSegments()
    {
        var segments = new[] { Segment.Text("a") };
        var message = new Message(segments);

        segments[0] = Segment.Text("b");

        Assert.Equal("a", message[0]["text"]);
    }

    [Fact]
    public void Constructor_NullSegment_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new Message(Segment.Text("a"), null!));
    }

    [Fact]
    public void Constructor_Enumerable_KeepsOrder()
    {
        var message = new Message(Enumerable.Range(1, 3).Select(Segment.Face));

        Assert.Equal("[CQ:face,id=1][CQ:face,id=2][CQ:face,id=3]", message.ToCqCode());
    }

    [Fact]
    public void Equals_SameSegmentsInSameOrder_IsTrueWithSameHashCode()
    {
        var left = Message.FromCqCode("hi[CQ:at,qq=1]");
        var right = new Message(Segment.Text("hi"), Segment.At(1));

        Assert.True(left == right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Equals_SameSegmentsInOtherOrder_IsFalse()
    {
        var left = new Message(Segment.Text("hi"), Segment.At(1));
        var right = new Message(Segment.At(1), Segment.Text("hi"));

        Assert.NotEqual(left, right);
    }

    [Fact]
    public void Equals_AdjacentTextsAgainstJoinedText_IsFalse()
    {
        var split = new Message(Segment.Text("a"), Segment.Text("b"));
        var joined = new Message(Segment.Text("ab"));

        Assert.NotEqual(split, joined);
    }

    [Fact]
    public void GetPlainText_MixedSegments_JoinsTextSegmentsOnly()
    {
        var message = Message.FromCqCode("[CQ:reply,id=1]hello [CQ:at,qq=2] world&#93;");

        Assert.Equal("hello  world]", message.GetPlainText());
    }

    [Fact]
    public void GetPlainText_SingleTextSegment_ReturnsItsTextInstance()
    {
        var text = "only text";
        Message message = text;

        Assert.Same(text, message.GetPlainText());
    }

    [Fact]
    public void GetPlainText_NoText_IsEmpty()
    {
        Assert.Equal("", new Message(Segment.Face(1)).GetPlainText());
    }

    [Fact]
    public void ToString_AnyMessage_IsCqCode()
    {
        var message = new Message(Segment.Text("[x]"), Segment.At(3));

        Assert.Equal(message.ToCqCode(), message.ToString());
    }

    [Fact]
    public void ToCqCode_SingleTextWithoutSpecials_ReturnsTextInstance()
    {
        var text = "hello, world";
        Message message = text;

        Assert.Same(text, message.ToCqCode());
    }

    [Fact]
    public void ToCqCode_NestedMessageValue_EscapesNestedCqCodeAsValue()
    {
        var node = Segment.Node(10001000, "某人", new Message(Segment.Face(123), Segment.Text("哈喽～")));

        Assert.Equal("[CQ:node,user_id=10001000,nickname=某人,content=&#91;CQ:face&#44;id=123&#93;哈喽～]", new Message(node).ToCqCode());
    }

    [Fact]
    public void ToCqCode_TextTypeWithExtraData_WritesOnlyTheText()
    {
        var segment = new Segment("text", ("text", "a"), ("extra", "b"));

        Assert.Equal("a", new Message(segment).ToCqCode());
    }

    [Fact]
    public void ToCqCode_LongMessage_WritesEverySegment()
    {
        var payload = new string('A', 100_000);
        var message = new Message(Segment.Text("see:"), Segment.Image("base64://" + payload), Segment.Text("[end]"));

        Assert.Equal("see:[CQ:image,file=base64://" + payload + "]&#91;end&#93;", message.ToCqCode());
    }

    [Fact]
    public void ToCqCode_UnknownTypeRoundTrip_IsLossless()
    {
        var segment = new Segment("mface", ("emoji_package_id", "1"), ("summary", "[a,b]&c"), ("key", ""));
        var message = new Message(Segment.Text("x"), segment);

        Assert.Equal(message, Message.FromCqCode(message.ToCqCode()));
    }

    [Fact]
    public void Enumerator_Foreach_VisitsSegmentsInOrder()
    {
        var message = new Message(Segment.Face(1), Segment.Face(2));
        var ids = new List<string?>();

        foreach (var segment in message)
        {
            ids.Add(segment["id"]);
        }

        Assert.Equal(["1", "2"], ids);
    }
}
