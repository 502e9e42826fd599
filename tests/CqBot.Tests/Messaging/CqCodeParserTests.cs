namespace CqBot.Tests.Messaging;

public sealed class CqCodeParserTests
{
    [Theory]
    [InlineData("[CQ:")]
    [InlineData("[CQ:face")]
    [InlineData("[CQ:face,")]
    [InlineData("[CQ:face,id")]
    [InlineData("[CQ:face,id=")]
    [InlineData("[CQ:face,id=1")]
    [InlineData("[CQ:face,id=1,")]
    [InlineData("[CQ:face,,]")]
    [InlineData("[CQ:face,=1]")]
    [InlineData("[CQ:fa ce,id=1]")]
    [InlineData("&")]
    [InlineData("&#")]
    [InlineData("&#9")]
    [InlineData("&am")]
    [InlineData("a&")]
    public void FromCqCode_MalformedInput_KeepsInputAsText(string input)
    {
        var message = Message.FromCqCode(input);

        var segment = Assert.Single(message);
        Assert.Equal(SegmentTypes.Text, segment.Type);
        Assert.Equal(input, segment["text"]);
    }

    [Theory]
    [InlineData("[CQ:face,]", "[CQ:face]")]
    [InlineData("[CQ:face,id=1,]", "[CQ:face,id=1]")]
    public void FromCqCode_OneTrailingCommaBeforeClose_IsTolerated(string input, string canonical)
    {
        var message = Message.FromCqCode(input);

        Assert.Equal(canonical, Assert.Single(message).ToString());
    }

    [Fact]
    public void FromCqCode_UnterminatedCodeAfterText_KeepsOneTextRun()
    {
        var message = Message.FromCqCode("abc[CQ:face,id=1");

        Assert.Equal([Segment.Text("abc[CQ:face,id=1")], message);
    }

    [Fact]
    public void FromCqCode_MalformedCodeBeforeValidCode_ParsesTheValidCode()
    {
        var message = Message.FromCqCode("[CQ:face, id=1][CQ:face,id=2]");

        Assert.Equal([Segment.Text("[CQ:face, id=1]"), Segment.Face(2)], message);
    }

    [Fact]
    public void FromCqCode_CodePrefixInsideValue_BelongsToTheValue()
    {
        var message = Message.FromCqCode("[CQ:image,file=a[CQ:face,id=1]");

        Assert.Equal([new Segment("image", ("file", "a[CQ:face"), ("id", "1"))], message);
    }

    [Fact]
    public void FromCqCode_DuplicateKey_KeepsLastValueAtFirstPosition()
    {
        var message = Message.FromCqCode("[CQ:x,a=1,b=2,a=3]");

        var segment = Assert.Single(message);
        Assert.Equal(["a", "b"], [segment.Data[0].Key, segment.Data[1].Key]);
        Assert.Equal("3", segment["a"]);
    }

    [Fact]
    public void FromCqCode_EmptyTextCode_ProducesNoSegment()
    {
        var message = Message.FromCqCode("a[CQ:text,text=]b");

        Assert.Equal([Segment.Text("a"), Segment.Text("b")], message);
    }

    [Fact]
    public void FromCqCode_TextCodeWithoutTextKey_ProducesNoSegment()
    {
        var message = Message.FromCqCode("[CQ:text]");

        Assert.Same(Message.Empty, message);
    }

    [Fact]
    public void FromCqCode_NullInput_ReturnsEmpty()
    {
        var message = Message.FromCqCode(null!);

        Assert.Same(Message.Empty, message);
    }

    [Fact]
    public void FromCqCode_PlainTextWithoutEntities_ReusesInputString()
    {
        var input = "just some words, nothing else";

        var message = Message.FromCqCode(input);

        Assert.Same(input, message[0]["text"]);
    }

    [Fact]
    public void FromCqCode_ManyCodes_KeepsEveryCodeInOrder()
    {
        var input = string.Concat(Enumerable.Range(0, 100).Select(i => $"[CQ:face,id={i}]"));

        var message = Message.FromCqCode(input);

        Assert.Equal(Enumerable.Range(0, 100).Select(Segment.Face), message);
    }

    [Fact]
    public void FromCqCode_ManyParameters_KeepsEveryParameterInOrder()
    {
        var input = "[CQ:x," + string.Join(',', Enumerable.Range(0, 40).Select(i => $"k{i}=v{i}")) + "]";

        var segment = Assert.Single(Message.FromCqCode(input));

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"k{i}=v{i}"), segment.Data.Select(pair => $"{pair.Key}={pair.Value}"));
    }

    [Fact]
    public void FromCqCode_LongEscapedText_UnescapesEveryEntity()
    {
        var input = string.Concat(Enumerable.Repeat("&#91;x&#93;&amp;", 200));

        var message = Message.FromCqCode(input);

        Assert.Equal(string.Concat(Enumerable.Repeat("[x]&", 200)), message[0]["text"]);
    }

    [Fact]
    public void FromCqCode_SurrogatePairsAroundCode_KeepsThemWhole()
    {
        var message = Message.FromCqCode("😀[CQ:face,id=1]🎉");

        Assert.Equal([Segment.Text("😀"), Segment.Face(1), Segment.Text("🎉")], message);
    }
}
