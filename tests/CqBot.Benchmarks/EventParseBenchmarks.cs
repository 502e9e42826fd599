using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;

namespace CqBot.Benchmarks;

/// <summary>
/// Parsing the typical group message event from UTF-8 bytes: the indented test fixture (900 bytes), the
/// same event compact as implementations send it (657 bytes), and the message in both wire forms.
/// Target: under 1 µs per event.
/// </summary>
[MemoryDiagnoser]
public class EventParseBenchmarks
{
    private byte[] _groupArray = [];
    private byte[] _groupArrayCompact = [];
    private byte[] _groupString = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestData", "events");
        _groupArray = File.ReadAllBytes(Path.Combine(root, "message_group_array.json"));
        _groupString = File.ReadAllBytes(Path.Combine(root, "message_group_string.json"));

        // go-cqhttp, NapCat and Lagrange write compact JSON with non-ASCII text unescaped.
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        _groupArrayCompact = Encoding.UTF8.GetBytes(JsonNode.Parse(_groupArray)!.ToJsonString(options));
    }

    [Benchmark(Baseline = true)]
    public Event ParseGroupMessageArray() => EventParser.Parse(_groupArray);

    [Benchmark]
    public Event ParseGroupMessageArrayCompact() => EventParser.Parse(_groupArrayCompact);

    [Benchmark]
    public Event ParseGroupMessageString() => EventParser.Parse(_groupString);

    /// <summary>What a handler pays when it also reads <see cref="MessageEvent.Sender"/>, which is read on first use.</summary>
    [Benchmark]
    public MessageSender ParseGroupMessageArrayCompactThenReadSender() => ((MessageEvent)EventParser.Parse(_groupArrayCompact)).Sender;

    /// <summary>What a handler pays when it also reads <see cref="Event.Raw"/>, which is built on first use.</summary>
    [Benchmark]
    public JsonValueKind ParseGroupMessageArrayThenReadRaw() => EventParser.Parse(_groupArray).Raw.ValueKind;

    /// <summary>
    /// For scale: only tokenizing the indented fixture with <see cref="Utf8JsonReader"/>, the floor of any
    /// parser built on it.
    /// </summary>
    [Benchmark]
    public int TokenizeGroupMessageArrayOnly()
    {
        var reader = new Utf8JsonReader(_groupArray);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }
        return tokens;
    }
}
