using System.Text.Json;
using System.Text.Json.Serialization;

namespace CqBot.Tests.Messaging;

public sealed partial class MessageJsonConverterTests
{
    [Fact]
    public void Read_SegmentArray_ReadsTypesAndData()
    {
        var message = JsonMessages.Read("""[{"type":"at","data":{"qq":"10001000"}},{"type":"text","data":{"text":" hi"}}]""");

        Assert.Equal(new Message(Segment.At(10001000), Segment.Text(" hi")), message);
    }

    [Fact]
    public void Read_CqCodeString_ParsesCqCode()
    {
        var message = JsonMessages.Read("\"[CQ:face,id=1]&amp;\"");

        Assert.Equal(new Message(Segment.Face(1), Segment.Text("&")), message);
    }

    [Fact]
    public void Read_SingleSegmentObject_ReadsOneSegment()
    {
        var message = JsonMessages.Read("""{"type":"face","data":{"id":"1"}}""");

        Assert.Equal(new Message(Segment.Face(1)), message);
    }

    [Fact]
    public void Read_NumberValue_BecomesItsText()
    {
        var message = JsonMessages.Read("""[{"type":"mface","data":{"emoji_package_id":1.50,"seq":-7}}]""");

        Assert.Equal("1.50", message[0]["emoji_package_id"]);
        Assert.Equal("-7", message[0]["seq"]);
    }

    [Fact]
    public void Read_BooleanValue_BecomesLowercaseText()
    {
        var message = JsonMessages.Read("""[{"type":"image","data":{"file":"a","cache":false,"proxy":true}}]""");

        Assert.Equal("[CQ:image,file=a,cache=false,proxy=true]", message.ToCqCode());
    }

    [Fact]
    public void Read_NullValue_IsLeftOut()
    {
        var message = JsonMessages.Read("""[{"type":"image","data":{"file":"a","type":null}}]""");

        Assert.Equal(new Message(Segment.Image("a")), message);
    }

    [Fact]
    public void Read_NullOrMissingData_ReadsEmptyData()
    {
        var message = JsonMessages.Read("""[{"type":"shake","data":null},{"type":"dice"}]""");

        Assert.Equal(new Message(Segment.Shake(), Segment.Dice()), message);
    }

    [Fact]
    public void Read_DataBeforeType_ReadsSegment()
    {
        var message = JsonMessages.Read("""[{"data":{"qq":"1"},"type":"at"}]""");

        Assert.Equal(new Message(Segment.At(1)), message);
    }

    [Fact]
    public void Read_ExtraSegmentProperties_AreIgnored()
    {
        var message = JsonMessages.Read("""[{"type":"at","extra":{"x":[1,2]},"data":{"qq":"1"}}]""");

        Assert.Equal(new Message(Segment.At(1)), message);
    }

    [Fact]
    public void Read_EscapedJsonStrings_AreUnescaped()
    {
        var message = JsonMessages.Read("""[{"t\u0079pe":"te\u0078t","data":{"te\u0078t":"\u4f60\"\n"}}]""");

        Assert.Equal(new Message(Segment.Text("你\"\n")), message);
    }

    [Fact]
    public void Read_NodeContentArray_KeepsNestedMessage()
    {
        var message = JsonMessages.Read("""
            [{"type":"node","data":{"user_id":"10001000","nickname":"某人","content":[
                {"type":"face","data":{"id":"123"}},{"type":"text","data":{"text":"哈喽～"}}]}}]
            """);

        Assert.Equal(new Message(Segment.Node(10001000, "某人", new Message(Segment.Face(123), Segment.Text("哈喽～")))), message);
    }

    [Fact]
    public void Read_NestedNodes_KeepsEveryLevel()
    {
        var json = """[{"type":"node","data":{"content":[{"type":"node","data":{"content":[{"type":"text","data":{"text":"deep"}}]}}]}}]""";

        var message = JsonMessages.Read(json);

        Assert.Equal("deep", message[0].GetMessage("content")![0].GetMessage("content")!.GetPlainText());
    }

    [Fact]
    public void Read_ArrayValueThatIsNotAMessage_KeptAsJson()
    {
        var message = JsonMessages.Read("""[{"type":"keyboard","data":{"rows":[{"type":"x","label":"y"}],"ids":[1,2]}}]""");

        Assert.Equal(SegmentValueKind.Json, message[0].Data[0].Value.Kind);
        Assert.Equal("""[1,2]""", message[0]["ids"]);
    }

    [Fact]
    public void Read_ObjectValue_KeptAsJson()
    {
        var message = JsonMessages.Read("""[{"type":"keyboard","data":{"content":{"rows":[{"buttons":[]}]}}}]""");

        var value = message[0].Data[0].Value;
        Assert.Equal(SegmentValueKind.Json, value.Kind);
        Assert.Equal("""{"rows":[{"buttons":[]}]}""", value.JsonText);
    }

    [Fact]
    public void Write_UnknownTypeWithJsonValues_WritesInputBack()
    {
        var json = """[{"type":"keyboard","data":{"content":{"rows":[{"buttons":[{"id":"1","action":{"type":2}}]}]},"list":[1,"a",null]}},{"type":"mface","data":{"emoji_id":"abc","key":"k"}}]""";

        var written = JsonMessages.Write(JsonMessages.Read(json));

        Assert.Equal(json, written);
    }

    [Fact]
    public void Write_Message_WritesArrayWithDataObjects()
    {
        var message = new Message(Segment.Text("a"), Segment.Shake(), Segment.Node(1, "n", new Message(Segment.Face(2))));

        var json = JsonMessages.Write(message);

        Assert.Equal("""[{"type":"text","data":{"text":"a"}},{"type":"shake","data":{}},{"type":"node","data":{"user_id":"1","nickname":"n","content":[{"type":"face","data":{"id":"2"}}]}}]""", json);
    }

    [Fact]
    public void Read_ValuesSpanningBufferSegments_ReadsSameMessage()
    {
        var json = """[{"type":"image","data":{"file":"http://example.com/a-long-name.jpg","size":1234567,"flag":true}},{"type":"mface","data":{"summary":"[x]"}}]""";

        var expected = JsonMessages.Read(json);
        for (var chunkSize = 1; chunkSize < 12; chunkSize++)
        {
            Assert.Equal(expected, JsonMessages.ReadChunked(json, chunkSize));
        }
    }

    [Theory]
    [InlineData("123")]
    [InlineData("true")]
    [InlineData("""[1]""")]
    [InlineData("""[{"data":{}}]""")]
    [InlineData("""[{"type":1}]""")]
    [InlineData("""[{"type":"a","data":"x"}]""")]
    public void Read_NotAMessage_ThrowsJsonException(string json)
    {
        Assert.Throws<JsonException>(() => JsonMessages.Read(json));
    }

    [Fact]
    public void Read_JsonNull_ReturnsEmpty()
    {
        Assert.Same(Message.Empty, JsonMessages.Read("null"));
    }

    [Fact]
    public void Serializer_SourceGeneratedContext_UsesConverterBothWays()
    {
        var payload = new Payload(Message.FromCqCode("[CQ:at,qq=1] hi"));

        var json = JsonSerializer.Serialize(payload, TestJsonContext.Default.Payload);
        var back = JsonSerializer.Deserialize("""{"message":"[CQ:at,qq=1] hi"}""", TestJsonContext.Default.Payload);

        Assert.Equal("""{"message":[{"type":"at","data":{"qq":"1"}},{"type":"text","data":{"text":" hi"}}]}""", json);
        Assert.Equal(payload, back);
    }

    [Fact]
    public void Serializer_StreamedInSmallBuffers_ReadsMessage()
    {
        var json = """{"message":[{"type":"text","data":{"text":"0123456789012345678901234567890123456789"}},{"type":"face","data":{"id":"1"}}]}""";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var options = new JsonSerializerOptions(TestJsonContext.Default.Options) { DefaultBufferSize = 16 };

        var payload = JsonSerializer.Deserialize(stream, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Payload>)options.GetTypeInfo(typeof(Payload)));

        Assert.Equal(2, payload!.Message.Count);
    }

    internal sealed record Payload([property: JsonPropertyName("message")] Message Message);

    [JsonSerializable(typeof(Payload))]
    internal sealed partial class TestJsonContext : JsonSerializerContext;
}
