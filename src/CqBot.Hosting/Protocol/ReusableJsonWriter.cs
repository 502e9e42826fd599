using System.Buffers;
using System.Text.Json;

namespace CqBot.Hosting.Protocol;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> per thread, reset onto each output: frames and bodies on the event
/// path are written without allocating a writer each time. Writing never awaits, so a thread's writer
/// is never shared by two frames at once.
/// </summary>
internal static class ReusableJsonWriter
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The thread's writer, reset onto <paramref name="output"/>; <see cref="Finish"/> flushes and detaches it.</summary>
    public static Utf8JsonWriter Start(IBufferWriter<byte> output)
    {
        var writer = t_writer;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(output);
            t_writer = writer;
            return writer;
        }
        // A writer left behind by a write that threw is taken back from wherever it stopped.
        t_writer = null;
        writer.Reset(output);
        return writer;
    }

    /// <summary>Flushes the written JSON to its output and gives the writer back to the thread.</summary>
    public static void Finish(Utf8JsonWriter writer)
    {
        writer.Flush();
        writer.Reset(NullOutput.Instance);
        t_writer = writer;
    }

    // Holds no buffer: a writer parked between frames keeps no reference to the last output.
    private sealed class NullOutput : IBufferWriter<byte>
    {
        public static readonly NullOutput Instance = new();

        public void Advance(int count) => throw new InvalidOperationException("A parked JSON writer was written to.");

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException("A parked JSON writer was written to.");

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException("A parked JSON writer was written to.");
    }
}
