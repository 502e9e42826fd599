using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace CqBot.Hosting.Protocol;

/// <summary>Writes API request frames and bodies.</summary>
internal static class ApiRequestWriter
{
    /// <summary>Writes <c>{"action":…,"params":{…},"echo":"…"}</c>; the echo is a decimal string, which every implementation returns intact.</summary>
    public static void WriteFrame(IBufferWriter<byte> output, ApiRequest request, long echo)
    {
        var writer = ReusableJsonWriter.Start(output);
        writer.WriteStartObject();
        writer.WriteString("action"u8, request.WireAction);
        writer.WritePropertyName("params"u8);
        request.WriteParameters(writer);
        Span<char> digits = stackalloc char[20];
        echo.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        writer.WriteString("echo"u8, digits[..length]);
        writer.WriteEndObject();
        ReusableJsonWriter.Finish(writer);
    }

    /// <summary>Writes the parameters object alone: the body of an HTTP API call.</summary>
    public static void WriteBody(IBufferWriter<byte> output, ApiRequest request)
    {
        var writer = ReusableJsonWriter.Start(output);
        request.WriteParameters(writer);
        ReusableJsonWriter.Finish(writer);
    }
}
