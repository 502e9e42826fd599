using System.Text;
using CqBot.Json;
using CqBot.Messaging;

namespace CqBot.Tests.Events;

/// <summary>
/// What implementations really send and the reader must take without losing the event: lone surrogate
/// escapes, which Node.js's <c>JSON.stringify</c> writes for half an emoji. Each case is read by both
/// sources, the scanner and the complete reader.
/// </summary>
public sealed class LenientInputTests
{
    // The JSON escapes as sent, and the text they must decode to.
    public static TheoryData<string, string, EventSource> LoneSurrogates()
    {
        var data = new TheoryData<string, string, EventSource>();
        foreach (var source in Enum.GetValues<EventSource>())
        {
            data.Add("a\\ud83db", "a\uFFFDb", source);        // a lone high surrogate
            data.Add("a\\ude00b", "a\uFFFDb", source);        // a lone low surrogate
            data.Add("ab\\ud83d", "ab\uFFFD", source);        // a high surrogate at the end of the string
            data.Add("\\ude00\\ud83d", "\uFFFD\uFFFD", source); // a pair the wrong way round
            data.Add("\\ud83d\\u0041", "\uFFFDA", source);     // a high surrogate before an escape that is no low one
            data.Add("\\ud83d\\ude00!", "\U0001F600!", source); // a real pair stays one character
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public void MessageAsString_WithSurrogateEscape_DecodesToReplacementCharacter(string escaped, string expected, EventSource source)
    {
        var evt = Read($$$"""{"post_type":"message","message_type":"group","group_id":3,"user_id":5,"message":"{{{escaped}}}","raw_message":"{{{escaped}}}"}""", source);

        Assert.Equal(expected, evt.Message.GetPlainText());
        Assert.Equal(expected, evt.RawMessage);
    }

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public void RawMessageAlone_WithSurrogateEscape_GivesTheMessage(string escaped, string expected, EventSource source)
    {
        var evt = Read($$$"""{"post_type":"message","message_type":"group","group_id":3,"user_id":5,"raw_message":"{{{escaped}}}"}""", source);

        Assert.Equal(expected, evt.RawMessage);
        Assert.Equal(expected, evt.Message.GetPlainText());
    }

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public void SegmentText_WithSurrogateEscape_DecodesToReplacementCharacter(string escaped, string expected, EventSource source)
    {
        var evt = Read($$$"""{"post_type":"message","message_type":"group","group_id":3,"user_id":5,"message":[{"type":"text","data":{"text":"{{{escaped}}}"}},{"type":"face","data":{"id":"1"}}],"raw_message":"{{{escaped}}}[CQ:face,id=1]"}""", source);

        Assert.Equal(2, evt.Message.Count);
        Assert.Equal(expected, Value(evt.Message[0], "text"));
        Assert.Equal(SegmentTypes.Face, evt.Message[1].Type);
        Assert.Equal(expected + "[CQ:face,id=1]", evt.RawMessage);
    }

    [Theory]
    [InlineData(EventSource.Scanner)]
    [InlineData(EventSource.Reader)]
    public void CqCodeString_WithLoneSurrogateInTextAndParameter_KeepsTheSegments(EventSource source)
    {
        var evt = Read("""{"post_type":"message","message_type":"group","group_id":3,"user_id":5,"message":"\ud83d[CQ:at,qq=7]x[CQ:share,url=https://a.b,title=t\ude00]"}""", source);

        Assert.Equal(4, evt.Message.Count);
        Assert.Equal("\uFFFD", Value(evt.Message[0], "text"));
        Assert.Equal("7", Value(evt.Message[1], "qq"));
        Assert.Equal("t\uFFFD", Value(evt.Message[3], "title"));
    }

    [Theory]
    [InlineData(EventSource.Scanner)]
    [InlineData(EventSource.Reader)]
    public void SenderNickname_WithLoneSurrogate_DecodesToReplacementCharacter(EventSource source)
    {
        var evt = Read("""{"post_type":"message","message_type":"group","group_id":3,"user_id":5,"message":"hi","sender":{"user_id":5,"nickname":"\ud800x"}}""", source);

        Assert.Equal("\uFFFDx", evt.Sender.Nickname);
    }

    [Fact]
    public void EventParser_LoneSurrogateEvent_IsReadByTheScannerAsByTheReader()
    {
        // Escaped text in values stays on the fast path: the scanner decodes it itself.
        var json = Encoding.UTF8.GetBytes("""{"post_type":"message","message_type":"private","user_id":5,"message":[{"type":"text","data":{"text":"\ud83d"}}],"raw_message":"\ud83d"}""");
        var fields = default(EventFields);

        Assert.True(ScannedEventJson.TryRead(json, ref fields, out _, out _));
        Assert.Equal("\uFFFD", Assert.IsType<PrivateMessageEvent>(EventParser.Parse(json)).Message.GetPlainText());
    }

    [Theory]
    [InlineData("\\ud83d", "\uFFFD")]
    [InlineData("\\ud83D\\uDE00", "\U0001F600")]
    [InlineData("\\n\\t\\r\\b\\f\\\"\\\\\\/\\u00e9\\u4e2d", "\n\t\r\b\f\"\\/é中")]
    [InlineData("\u00e9\\u0041\u4e2d\\ud83d", "éA中\uFFFD")]
    public void DecodeEscaped_DecodesAsTheReaderDoesButNeverThrows(string escaped, string expected)
    {
        Assert.Equal(expected, JsonText.DecodeEscaped(Encoding.UTF8.GetBytes(escaped)));
    }

    [Fact]
    public void DecodeEscaped_LongText_IsDecodedWhole()
    {
        var text = string.Concat(Enumerable.Repeat("\\u4e2dx\\ud83d", 200));

        Assert.Equal(string.Concat(Enumerable.Repeat("中x\uFFFD", 200)), JsonText.DecodeEscaped(Encoding.UTF8.GetBytes(text)));
    }

    private static string? Value(Segment segment, string key) => segment.TryGetValue(key, out var value) ? value.ToString() : null;

    private static MessageEvent Read(string text, EventSource source) =>
        Assert.IsAssignableFrom<MessageEvent>(EventSources.Read(text, source));
}
