using System.Text;

namespace CqBot.Tests.Messaging;

/// <summary>
/// Random inputs built from the pieces that matter to CQ code (prefixes, separators, entities, broken
/// entities, surrogate pairs) must parse exactly as the regular-expression reference parser does.
/// </summary>
public sealed class CqCodeParserAgreementTests
{
    private static readonly string[] Pieces =
    [
        "[CQ:", "[CQ:", "[cq:", "[CQ", "[", "]", "]", ",", ",", "=", "=", "face", "at", "image", "text", "id", "qq",
        "file", "a.b-c_d", "1", "123", " ", "\n", "&", "&amp;", "&#44;", "&#91;", "&#93;", "&#9", "&#", "&amp",
        "&lt;", "你好", "😀", "x", "text=", "id=1", ",id=2]", "[CQ:face,id=1]", "[CQ:text,text=",
    ];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 20; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FromCqCode_RandomInput_AgreesWithReferenceParser(int seed)
    {
        var random = new Random(seed);
        for (var iteration = 0; iteration < 500; iteration++)
        {
            var input = RandomInput(random);

            var expected = ReferenceCqCodeParser.Parse(input);
            var actual = Message.FromCqCode(input);

            Assert.True(expected.Equals(actual), $"input: {input}\nexpected: {JsonMessages.Describe(expected)}\nactual:   {JsonMessages.Describe(actual)}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ToCqCode_ParsedRandomInput_ParsesBackToSameMessage(int seed)
    {
        var random = new Random(seed);
        for (var iteration = 0; iteration < 500; iteration++)
        {
            var message = Message.FromCqCode(RandomInput(random));

            var reparsed = Message.FromCqCode(message.ToCqCode());

            Assert.True(
                Merged(message).Equals(Merged(reparsed)),
                $"message: {JsonMessages.Describe(message)}\nreparsed: {JsonMessages.Describe(reparsed)}");
        }
    }

    private static string RandomInput(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(0, 16);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    // Parsing never splits one text run, but text runs separated by a [CQ:text] code become adjacent text
    // segments that serialize into one run; compare with adjacent texts joined.
    private static Message Merged(Message message)
    {
        var segments = new List<Segment>();
        foreach (var segment in message)
        {
            if (segment.IsText && segments.Count > 0 && segments[^1].IsText)
            {
                segments[^1] = Segment.Text(segments[^1]["text"] + segment["text"]);
            }
            else
            {
                segments.Add(segment);
            }
        }

        return new Message(segments);
    }
}
