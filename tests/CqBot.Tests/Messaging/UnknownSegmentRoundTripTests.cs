using System.Text;

namespace CqBot.Tests.Messaging;

/// <summary>
/// Segments of types this library does not know, with arbitrary string data, must come back unchanged
/// from CQ code and from JSON.
/// </summary>
public sealed class UnknownSegmentRoundTripTests
{
    private const string NameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
    private static readonly string[] ValuePieces = ["a", "Z", "0", " ", "\n", "&", "&amp;", "&#44;", "[", "]", ",", "=", "[CQ:", "你好", "😀", "\"", "\\"];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 10; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ToCqCode_RandomUnknownSegments_ParseBackEqual(int seed)
    {
        var random = new Random(seed);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var message = RandomMessage(random);

            var cq = message.ToCqCode();

            Assert.True(message.Equals(Message.FromCqCode(cq)), $"cq: {cq}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WriteJson_RandomUnknownSegments_ReadBackEqual(int seed)
    {
        var random = new Random(seed);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var message = RandomMessage(random);

            var json = JsonMessages.Write(message);

            Assert.True(message.Equals(JsonMessages.Read(json)), $"json: {json}");
        }
    }

    // Text segments are never adjacent and never empty: the string format cannot tell those apart.
    private static Message RandomMessage(Random random)
    {
        var segments = new List<Segment>();
        var count = random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            if (random.Next(3) == 0 && (segments.Count == 0 || !segments[^1].IsText))
            {
                segments.Add(Segment.Text(RandomValue(random, minPieces: 1)));
                continue;
            }

            var type = RandomName(random);
            if (type == "text")
            {
                type = "texts";
            }

            var pairs = new List<KeyValuePair<string, SegmentValue>>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var k = random.Next(0, 4); k > 0; k--)
            {
                var key = RandomName(random);
                if (keys.Add(key))
                {
                    pairs.Add(new(key, RandomValue(random, minPieces: 0)));
                }
            }

            segments.Add(new Segment(type, pairs));
        }

        return new Message(segments);
    }

    private static string RandomName(Random random)
    {
        var builder = new StringBuilder();
        for (var length = random.Next(1, 8); length > 0; length--)
        {
            builder.Append(NameChars[random.Next(NameChars.Length)]);
        }

        return builder.ToString();
    }

    private static string RandomValue(Random random, int minPieces)
    {
        var builder = new StringBuilder();
        for (var pieces = random.Next(minPieces, 8); pieces > 0; pieces--)
        {
            builder.Append(ValuePieces[random.Next(ValuePieces.Length)]);
        }

        return builder.ToString();
    }
}
