using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace CqBot.Benchmarks;

/// <summary>
/// The message codec on the event hot path: a typical ~200-character group message with three CQ codes
/// (reply, at, face) and one escaped '&amp;', parsed from and formatted to CQ code, and read from and
/// written to the OneBot array form. The array form is read as NapCat and go-cqhttp send it (raw UTF-8)
/// and as Python implementations send it (json.dumps escapes every non-ASCII character as \uXXXX).
/// </summary>
[MemoryDiagnoser]
public class MessageBenchmarks
{
    private const string CqMessage =
        "[CQ:reply,id=1234567890][CQ:at,qq=10001000] 今天的天气怎么样？明天我们一起去公园散步吧，记得带上相机拍照。" +
        "Let's meet at 10:00 near the north gate of the park, and bring some snacks &amp; water for everyone. " +
        "[CQ:face,id=178] 好的，不见不散！See you there.";

    private static readonly MessageJsonConverter Converter = new();

    private Message _message = Message.Empty;
    private byte[] _arrayJson = [];
    private byte[] _asciiEscapedArrayJson = [];
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _message = Message.FromCqCode(CqMessage);
        _arrayJson = WriteArray(_message, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        _asciiEscapedArrayJson = WriteArray(_message, JavaScriptEncoder.Default);
        _writer = new Utf8JsonWriter(_output);
        if (_message.Count != 5 || CqMessage.Length is < 190 or > 230 || _message.ToCqCode() != CqMessage)
        {
            throw new InvalidOperationException($"Unexpected benchmark input: {_message.Count} segments, {CqMessage.Length} chars.");
        }
    }

    [Benchmark]
    public Message ParseCqCode() => Message.FromCqCode(CqMessage);

    [Benchmark]
    public string FormatCqCode() => _message.ToCqCode();

    [Benchmark]
    public Message ReadJsonArray() => Read(_arrayJson);

    [Benchmark]
    public Message ReadJsonArrayAsciiEscaped() => Read(_asciiEscapedArrayJson);

    [Benchmark]
    public int WriteJsonArray()
    {
        _output.ResetWrittenCount();
        _writer.Reset();
        Converter.Write(_writer, _message, JsonSerializerOptions.Default);
        _writer.Flush();
        return _output.WrittenCount;
    }

    private static Message Read(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return Converter.Read(ref reader, typeof(Message), JsonSerializerOptions.Default);
    }

    private static byte[] WriteArray(Message message, JavaScriptEncoder encoder)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            Converter.Write(writer, message, JsonSerializerOptions.Default);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
