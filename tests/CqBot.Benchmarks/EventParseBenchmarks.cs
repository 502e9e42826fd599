using BenchmarkDotNet.Attributes;

namespace CqBot.Benchmarks;

/// <summary>
/// Parsing the typical group message event (about 900 bytes) from UTF-8 bytes, with the message in
/// both wire forms. Target: under 1 µs per event.
/// </summary>
[MemoryDiagnoser]
public class EventParseBenchmarks
{
    private byte[] _groupArray = [];
    private byte[] _groupString = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestData", "events");
        _groupArray = File.ReadAllBytes(Path.Combine(root, "message_group_array.json"));
        _groupString = File.ReadAllBytes(Path.Combine(root, "message_group_string.json"));
    }

    [Benchmark(Baseline = true)]
    public Event ParseGroupMessageArray() => EventParser.Parse(_groupArray);

    [Benchmark]
    public Event ParseGroupMessageString() => EventParser.Parse(_groupString);

    /// <summary>What a handler pays when it also reads <see cref="Event.Raw"/>, which is built on first use.</summary>
    [Benchmark]
    public System.Text.Json.JsonValueKind ParseGroupMessageArrayThenReadRaw() => EventParser.Parse(_groupArray).Raw.ValueKind;

    /// <summary>
    /// The floor: only tokenizing the same bytes with <see cref="System.Text.Json.Utf8JsonReader"/>, which
    /// any System.Text.Json-based parser must do.
    /// </summary>
    [Benchmark]
    public int TokenizeGroupMessageArrayOnly()
    {
        var reader = new System.Text.Json.Utf8JsonReader(_groupArray);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }
        return tokens;
    }
}
