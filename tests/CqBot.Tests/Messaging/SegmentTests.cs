namespace CqBot.Tests.Messaging;

public sealed class SegmentTests
{
    public static TheoryData<Segment, string> Factories => new()
    {
        { Segment.Text("a[b]&c,d"), "a&#91;b&#93;&amp;c,d" },
        { Segment.Face(123), "[CQ:face,id=123]" },
        { Segment.Image("http://baidu.com/1.jpg"), "[CQ:image,file=http://baidu.com/1.jpg]" },
        { Segment.Image("a.jpg", flash: true, cache: false, proxy: true, timeoutSeconds: 30), "[CQ:image,file=a.jpg,type=flash,cache=0,proxy=1,timeout=30]" },
        { Segment.Record("http://baidu.com/1.mp3", magic: true), "[CQ:record,file=http://baidu.com/1.mp3,magic=1]" },
        { Segment.Video("http://baidu.com/1.mp4", cache: true), "[CQ:video,file=http://baidu.com/1.mp4,cache=1]" },
        { Segment.At(10001000), "[CQ:at,qq=10001000]" },
        { Segment.AtAll(), "[CQ:at,qq=all]" },
        { Segment.Rps(), "[CQ:rps]" },
        { Segment.Dice(), "[CQ:dice]" },
        { Segment.Shake(), "[CQ:shake]" },
        { Segment.Poke(126, 2003), "[CQ:poke,type=126,id=2003]" },
        { Segment.Anonymous(), "[CQ:anonymous]" },
        { Segment.Anonymous(ignore: true), "[CQ:anonymous,ignore=1]" },
        { Segment.Share("http://baidu.com", "百度"), "[CQ:share,url=http://baidu.com,title=百度]" },
        { Segment.Share("http://a", "t", "c", "i"), "[CQ:share,url=http://a,title=t,content=c,image=i]" },
        { Segment.Contact(ContactType.User, 10001000), "[CQ:contact,type=qq,id=10001000]" },
        { Segment.Contact(ContactType.Group, 100100), "[CQ:contact,type=group,id=100100]" },
        { Segment.Location(39.8969426, 116.3109099), "[CQ:location,lat=39.8969426,lon=116.3109099]" },
        { Segment.Location(-1.5, 2, "t", "c"), "[CQ:location,lat=-1.5,lon=2,title=t,content=c]" },
        { Segment.Music(MusicPlatform.NetEase, 28949129), "[CQ:music,type=163,id=28949129]" },
        { Segment.Music(MusicPlatform.QQMusic, 1), "[CQ:music,type=qq,id=1]" },
        { Segment.Music(MusicPlatform.Xiami, 1), "[CQ:music,type=xm,id=1]" },
        { Segment.Music("kugou", "abc"), "[CQ:music,type=kugou,id=abc]" },
        { Segment.CustomMusic("http://baidu.com", "http://baidu.com/1.mp3", "音乐标题"), "[CQ:music,type=custom,url=http://baidu.com,audio=http://baidu.com/1.mp3,title=音乐标题]" },
        { Segment.Reply(-123456), "[CQ:reply,id=-123456]" },
        { Segment.Forward("abc+/=="), "[CQ:forward,id=abc+/==]" },
        { Segment.Node(123456), "[CQ:node,id=123456]" },
        { Segment.Xml("<a>&</a>"), "[CQ:xml,data=<a>&amp;</a>]" },
        { Segment.Json("{\"a\":[1,2]}"), "[CQ:json,data={\"a\":&#91;1&#44;2&#93;}]" },
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_TypedArguments_ProduceSpecCqCode(Segment segment, string expected)
    {
        Assert.Equal(expected, segment.ToString());
    }

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_Segment_SurvivesCqCodeRoundTrip(Segment segment, string expected)
    {
        var parsed = Message.FromCqCode(expected);

        Assert.Equal(segment, Assert.Single(parsed));
    }

    [Fact]
    public void Indexer_PresentKey_ReturnsValue()
    {
        Assert.Equal("10001000", Segment.At(10001000)["qq"]);
    }

    [Fact]
    public void Indexer_AbsentKey_ReturnsNull()
    {
        Assert.Null(Segment.At(1)["name"]);
    }

    [Fact]
    public void Indexer_KeyInOtherCase_ReturnsNull()
    {
        Assert.Null(Segment.At(1)["QQ"]);
    }

    [Fact]
    public void Constructor_RepeatedKey_KeepsLastValueAtFirstPosition()
    {
        var segment = new Segment("x", ("a", "1"), ("b", "2"), ("a", "3"));

        Assert.Equal(["a=3", "b=2"], segment.Data.Select(pair => $"{pair.Key}={pair.Value}"));
    }

    [Fact]
    public void Constructor_NullType_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new Segment(null!));
    }

    [Fact]
    public void Constructor_TextTypeWithTextOnly_EqualsTextFactory()
    {
        var segment = new Segment("text", ("text", "hi"));

        Assert.Equal(Segment.Text("hi"), segment);
        Assert.Equal(Segment.Text("hi").GetHashCode(), segment.GetHashCode());
    }

    [Fact]
    public void Equals_SameDataInOtherOrder_IsFalse()
    {
        var left = new Segment("share", ("url", "u"), ("title", "t"));
        var right = new Segment("share", ("title", "t"), ("url", "u"));

        Assert.NotEqual(left, right);
    }

    [Fact]
    public void Equals_DifferentType_IsFalse()
    {
        Assert.NotEqual(new Segment("a", ("id", "1")), new Segment("b", ("id", "1")));
    }

    [Fact]
    public void Equals_NestedMessageAgainstItsCqCodeString_IsFalse()
    {
        var content = new Message(Segment.Face(1));
        var nested = new Segment("node", ("content", content));
        var flat = new Segment("node", ("content", content.ToCqCode()));

        Assert.NotEqual(nested, flat);
    }

    [Fact]
    public void GetMessage_NestedMessage_ReturnsIt()
    {
        var content = new Message(Segment.Face(1), Segment.Text("hi"));

        var segment = Segment.Node(1, "n", content);

        Assert.Same(content, segment.GetMessage("content"));
    }

    [Fact]
    public void GetMessage_CqCodeString_ParsesIt()
    {
        var segment = Message.FromCqCode("[CQ:node,user_id=1,nickname=n,content=&#91;CQ:face&#44;id=1&#93;hi]")[0];

        Assert.Equal(new Message(Segment.Face(1), Segment.Text("hi")), segment.GetMessage("content"));
    }

    [Fact]
    public void Indexer_NestedMessage_ReturnsItsCqCode()
    {
        var segment = Segment.Node(1, "n", new Message(Segment.Face(1)));

        Assert.Equal("[CQ:face,id=1]", segment["content"]);
    }

    [Fact]
    public void IsText_TextAndOther_TellsThemApart()
    {
        Assert.True(Segment.Text("a").IsText);
        Assert.False(Segment.Face(1).IsText);
    }

    [Fact]
    public void Data_TextSegment_ExposesTextPair()
    {
        var pair = Assert.Single(Segment.Text("hi").Data);

        Assert.Equal("text", pair.Key);
        Assert.Equal("hi", pair.Value.ToString());
    }

    [Fact]
    public void Data_IndexPastEnd_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Segment.At(1).Data[1]);
    }

    [Fact]
    public void Contact_UndefinedType_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Segment.Contact((ContactType)7, 1));
    }

    [Fact]
    public void FromJson_InvalidJson_Throws()
    {
        Assert.Throws<ArgumentException>(() => SegmentValue.FromJson("{not json"));
    }

    [Fact]
    public void SegmentValue_DefaultAndEmptyString_AreEqual()
    {
        Assert.Equal(default(SegmentValue), new SegmentValue(""));
        Assert.Equal(default(SegmentValue).GetHashCode(), new SegmentValue("").GetHashCode());
    }

    [Fact]
    public void SegmentValue_JsonAgainstSameString_AreNotEqual()
    {
        Assert.NotEqual(SegmentValue.FromJson("{}"), new SegmentValue("{}"));
    }
}
