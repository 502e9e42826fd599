using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CqBot.Tests.Messaging;

/// <summary>Drives <see cref="MessageJsonConverter"/> directly, as the serializer and the event parser do.</summary>
internal static class JsonMessages
{
    private static readonly MessageJsonConverter Converter = new();

    public static Message Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    public static Message Read(byte[] utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        return ReadValue(ref reader);
    }

    /// <summary>Reads from a sequence of several buffers, so that tokens span segments (HasValueSequence).</summary>
    public static Message ReadChunked(string json, int chunkSize)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(Chunks.Create(bytes, chunkSize));
        return ReadValue(ref reader);
    }

    public static string Write(Message message, JavaScriptEncoder? encoder = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            Converter.Write(writer, message, JsonSerializerOptions.Default);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A readable dump for assertion messages: the array form with non-ASCII text left as it is.</summary>
    public static string Describe(Message message) => Write(message, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private static Message ReadValue(ref Utf8JsonReader reader)
    {
        Assert.True(reader.Read());
        var message = Converter.Read(ref reader, typeof(Message), JsonSerializerOptions.Default);
        Assert.False(reader.Read(), "the converter must consume exactly the message value");
        return message;
    }

    private sealed class Chunks : ReadOnlySequenceSegment<byte>
    {
        private Chunks(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Create(byte[] bytes, int chunkSize)
        {
            var first = new Chunks(bytes.AsMemory(0, Math.Min(chunkSize, bytes.Length)), 0);
            var last = first;
            for (var offset = chunkSize; offset < bytes.Length; offset += chunkSize)
            {
                var next = new Chunks(bytes.AsMemory(offset, Math.Min(chunkSize, bytes.Length - offset)), offset);
                last.Next = next;
                last = next;
            }

            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
