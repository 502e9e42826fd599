using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;

namespace CqBot.Benchmarks;

/// <summary>
/// Writing one <c>send_group_msg</c> WebSocket frame for a three-segment reply (reply, at, text), from
/// making the request to the last byte, into a reused buffer and writer as a connection's send loop does.
/// Typed: the generated request writes its parameters straight from the message's segments. Before:
/// the parameters as a <see cref="JsonObject"/> with the message as a <see cref="JsonArray"/>, built per call.
/// </summary>
[MemoryDiagnoser]
public class ApiRequestBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private Utf8JsonWriter _writer = null!;
    private Message _reply = Message.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_output);
        _reply = Message.Create([Segment.Reply(1234567890), Segment.At(10001000), Segment.Text(" 今天的天气很好，一起去公园散步吧！")]);
        var typed = Frame(TypedRequest());
        var before = Frame(JsonObjectRequest());
        if (typed != before)
        {
            throw new InvalidOperationException("The two frames differ:\n" + typed + "\n" + before);
        }
    }

    [Benchmark]
    public int GeneratedRequest() => WriteFrame(TypedRequest());

    [Benchmark(Baseline = true)]
    public int JsonObjectRequestWithJsonArrayMessage() => WriteFrame(JsonObjectRequest());

    private ApiRequest TypedRequest() => new MessageActions.SendGroupMessageRequest(123456789, _reply);

    private ApiRequest JsonObjectRequest()
    {
        var message = new JsonArray();
        foreach (var segment in _reply)
        {
            var data = new JsonObject();
            foreach (var (key, value) in segment.Data)
            {
                data[key] = value.ToString();
            }
            message.Add(new JsonObject { ["type"] = segment.Type, ["data"] = data });
        }
        return new JsonObjectRequest("send_group_msg", new JsonObject { ["group_id"] = 123456789L, ["message"] = message });
    }

    // As the WebSocket transport writes a frame: {"action":…,"params":{…},"echo":"…"}.
    private int WriteFrame(ApiRequest request)
    {
        _output.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteString("action"u8, request.WireAction);
        _writer.WritePropertyName("params"u8);
        request.WriteParameters(_writer);
        Span<char> digits = stackalloc char[20];
        42L.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        _writer.WriteString("echo"u8, digits[..length]);
        _writer.WriteEndObject();
        _writer.Flush();
        return _output.WrittenCount;
    }

    private string Frame(ApiRequest request)
    {
        WriteFrame(request);
        return System.Text.Encoding.UTF8.GetString(_output.WrittenSpan);
    }
}
