using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CqBot.Json;
using CqBot.Tests.Events;

namespace CqBot.Tests.Json;

/// <summary>
/// The fast scanner and the complete <see cref="System.Text.Json.Utf8JsonReader"/> source must read every
/// input to the same fields, and the scanner must never accept what the complete reader rejects.
/// </summary>
public sealed class ScannedEventJsonTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(EventFixtures.Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(EventFixtures.Root, path);
            if (name is not ("index.json" or "quick-operations.json") && !name.EndsWith("index.json", StringComparison.Ordinal))
            {
                data.Add(name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_IsReadByTheScannerToTheSameFields(string name)
    {
        var json = EventFixtures.Read(name);

        Assert.True(Scan(json, out var scanned), "The scanner handed a real event to the complete reader.");
        Assert.Equal(ReadWithReader(json), scanned);
    }

    [Fact]
    public void TypicalGroupMessage_SenderAndRawMessageAreLeftForFirstUse()
    {
        var json = EventFixtures.Read("message_group_array.json");
        var fields = default(EventFields);

        Assert.True(ScannedEventJson.TryRead(json, ref fields, out _, out _));

        Assert.False(fields.Sender.Present);
        Assert.Equal("{", Encoding.UTF8.GetString(json, fields.SenderStart, 1));
        Assert.Equal('}', (char)json[fields.SenderStart + fields.SenderLength - 1]);
        Assert.Null(fields.RawMessage);
        Assert.StartsWith("[CQ:reply", Encoding.UTF8.GetString(json, fields.RawMessageStart, fields.RawMessageLength), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_CompactAndFullyEscaped_IsReadByTheScannerToTheSameFields(string name)
    {
        var node = JsonNode.Parse(EventFixtures.Read(name))!;
        // Compact as implementations send it, and with every non-ASCII character and HTML-sensitive
        // character escaped, as Go's encoding/json and some JavaScript implementations write them.
        byte[][] variants =
        [
            Encoding.UTF8.GetBytes(node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })),
            Encoding.UTF8.GetBytes(node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default })),
        ];

        foreach (var json in variants)
        {
            Assert.True(Scan(json, out var scanned), Encoding.UTF8.GetString(json));
            Assert.Equal(ReadWithReader(json), scanned);
        }
    }

    [Theory]
    [InlineData("""{"message_id":1.5e3,"user_id":"12","group_id":-0.5,"time":9223372036854775808}""")]
    [InlineData("""{"post_type":"mess\u0061ge","message_type":"group","raw_message":"a\nb\"c\\d\/e\u00e9\ud83d\ude00"}""")]
    [InlineData("""{"post_type":"message","message":"[CQ:at,qq=1] hi\n there","sender":{"level":32,"sex":"female","role":"owner","age":"18"}}""")]
    [InlineData("""{"message":[{"type":"node","data":{"content":[{"type":"text","data":{"text":"x"}}]}}]}""")]
    [InlineData("""{"message":[{"type":"text","data":{"text":"a","text":"b","n":1.50,"t":true,"f":false,"z":null}},{"type":"face","data":null}]}""")]
    [InlineData("""{"message":[{"type":"json","data":{"data":{"app":"x"}}}]}""")]
    [InlineData("""{"message":[{"type":"text","extra":1,"data":{"text":"a"}}]}""")]
    [InlineData("""{"message":[{"data":{"text":"a"}}],"raw_message":"fallback"}""")]
    [InlineData("""{"message":[{"type":7,"data":{"text":"a"}}],"raw_message":"fallback"}""")]
    [InlineData("""{"message":[1,2],"raw_message":"fallback"}""")]
    [InlineData("""{"message":{"type":"text","data":{"text":"lone"}}}""")]
    [InlineData("""{"message":[],"anonymous":{"id":1,"name":"n","flag":"f","x":[1,{"y":null}]}}""")]
    [InlineData("""{"message":null,"raw_message":7,"font":true,"online":"1","sub_type":false}""")]
    [InlineData("""{"post_type":"meta_event","meta_event_type":"heartbeat","interval":5000,"status":{"online":true,"good":1,"stat":{"packet_received":3,"extra":{}}}}""")]
    [InlineData("""{"unknown":{"deep":[[[[{"a":"\u0000"}]]]]},"time":1}""")]
    [InlineData("""{}""")]
    public void UnusualShapes_ReadToTheSameFieldsEitherWay(string text)
    {
        var json = Encoding.UTF8.GetBytes(text);

        Assert.True(Scan(json, out var scanned));
        Assert.Equal(ReadWithReader(json), scanned);
    }

    [Theory]
    [InlineData("""{"time":1,}""")]
    [InlineData("""{"time":1 "x":2}""")]
    [InlineData("""{"time":01}""")]
    [InlineData("""{"time":-}""")]
    [InlineData("""{"time":1.}""")]
    [InlineData("""{"time":1e}""")]
    [InlineData("""{"time":tru}""")]
    [InlineData("""{"time":1}}""")]
    [InlineData("""{"time":1} x""")]
    [InlineData("""{"raw_message":"a\qb"}""")]
    [InlineData("""{"raw_message":"a\u12"}""")]
    [InlineData("""{"raw_message":"tab	inside"}""")]
    [InlineData("""{"t\u0069me":1}""")]
    [InlineData("""{"x":[1,]}""")]
    [InlineData("""{"message":[{"type":"text","data":{"text":"a"}},]}""")]
    [InlineData("""{"message":[{"type":"text","data":{"text":"a"}}""")]
    [InlineData("""{"sender":{"user_id":1""")]
    [InlineData("""{'time':1}""")]
    public void InvalidOrEscapedNames_AreLeftToTheCompleteReader(string text)
    {
        // Escaped property names are valid JSON the scanner leaves alone; everything else here is invalid.
        Assert.False(Scan(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void RandomlyCorruptedEvents_NeverReadDifferentlyByTheScanner()
    {
        var random = new Random(20261125);
        var fixtures = Directory.EnumerateFiles(EventFixtures.Root, "*.json", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith("index.json", StringComparison.Ordinal) && !path.EndsWith("quick-operations.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToArray();
        ReadOnlySpan<byte> alphabet = "{}[]\",:\\ 0123456789-+.eEtrufalsn\u00e9"u8;
        var accepted = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var bytes = fixtures[random.Next(fixtures.Length)].ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(3))
                {
                    case 0: bytes.RemoveAt(at); break;
                    case 1: bytes.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: bytes[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }

            var json = bytes.ToArray();
            if (!Scan(json, out var scanned))
            {
                continue;
            }

            accepted++;
            string complete;
            try
            {
                complete = ReadWithReader(json);
            }
            catch (Exception exception) when (exception is JsonException or EventParseException)
            {
                Assert.Fail($"The scanner accepted what the complete reader rejects ({exception.Message}): {Encoding.UTF8.GetString(json)}");
                return;
            }

            Assert.True(complete == scanned, $"{Encoding.UTF8.GetString(json)}\n{complete}\n{scanned}");
        }

        // Most single edits of a pretty-printed event land in whitespace or inside strings.
        Assert.InRange(accepted, 2_000, 20_000);
    }

    [Theory]
    [InlineData(63, true)]
    [InlineData(64, false)]
    public void Nesting_IsLimitedAsUtf8JsonReaderLimitsIt(int depth, bool valid)
    {
        // The event object is one level; the value of "x" adds the rest.
        var json = Encoding.UTF8.GetBytes("{\"x\":" + new string('[', depth) + new string(']', depth) + "}");

        Assert.Equal(valid, Scan(json, out _));
        if (valid)
        {
            ReadWithReader(json);
        }
        else
        {
            Assert.ThrowsAny<JsonException>(() => ReadWithReader(json));
        }
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void NestedForwardNodes_AreLimitedAsUtf8JsonReaderLimitsThem(int nodes, bool valid)
    {
        // The event object is one level, each node three (its array, the segment, its data), the innermost array one.
        var message = "[]";
        for (var i = 0; i < nodes; i++)
        {
            message = "[{\"type\":\"node\",\"data\":{\"content\":" + message + "}}]";
        }

        var json = Encoding.UTF8.GetBytes("{\"post_type\":\"message\",\"message_type\":\"private\",\"message\":" + message + "}");

        Assert.Equal(valid, Scan(json, out var scanned));
        if (valid)
        {
            Assert.Equal(ReadWithReader(json), scanned);
        }
        else
        {
            Assert.ThrowsAny<JsonException>(() => ReadWithReader(json));
        }
    }

    /// <summary>Reads with the scanner; on success, the event it makes, every property written out.</summary>
    private static bool Scan(byte[] json, out string evt)
    {
        var fields = default(EventFields);
        var ok = ScannedEventJson.TryRead(json, ref fields, out var start, out var end);
        evt = ok ? Build(json, ref fields, start, end) : string.Empty;
        return ok;
    }

    private static string ReadWithReader(byte[] json)
    {
        var fields = default(EventFields);
        EventJsonReader.ReadWithReader(json, ref fields, out var start, out var end);
        return Build(json, ref fields, start, end);
    }

    private static string Build(byte[] json, ref EventFields fields, int start, int end)
    {
        Event evt;
        try
        {
            evt = EventFactory.Create(ref fields, json[start..end], start);
        }
        catch (EventParseException exception)
        {
            // Valid JSON that is refused (an id that is not an integer) must be refused alike.
            return $"{nameof(EventParseException)} {exception.Message} @{start}..{end}";
        }
        return $"{evt.GetType().Name} {Dump(evt)} @{start}..{end}";
    }

    /// <summary>Every property, recursively, as text: what two reads must agree on.</summary>
    private static string Dump(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string text:
                return JsonSerializer.Serialize(text);
            case Message message:
                var segments = new StringBuilder("[");
                foreach (var segment in message)
                {
                    segments.Append(segment.Type).Append('{');
                    foreach (var pair in segment.Data)
                    {
                        segments.Append(pair.Key).Append('=').Append(pair.Value.Kind).Append(':').Append(Dump(pair.Value.ToString())).Append(';');
                    }
                    segments.Append('}');
                }
                return segments.Append(']').ToString();
            case IEnumerable:
                throw new InvalidOperationException($"No dump for {value.GetType()}.");
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum)
        {
            return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
        }

        var members = type.IsValueType
            ? type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(field => (field.Name, field.GetValue(value)))
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.Name != nameof(Event.Raw))
                .Select(property => (property.Name, property.GetValue(value)));
        return "{" + string.Join(", ", members.Select(member => $"{member.Name}: {Dump(member.Item2)}")) + "}";
    }
}
