using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CqBot.Hosting.Protocol;

/// <summary>Writes API request frames and bodies.</summary>
internal static class ApiRequestWriter
{
    /// <summary>Writes <c>{"action":…,"params":{…},"echo":"…"}</c>; the echo is a decimal string, which every implementation returns intact.</summary>
    public static void WriteFrame(IBufferWriter<byte> output, string action, JsonObject? parameters, long echo)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("action"u8, action);
        writer.WritePropertyName("params"u8);
        WriteParameters(writer, parameters);
        Span<char> digits = stackalloc char[20];
        echo.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        writer.WriteString("echo"u8, digits[..length]);
        writer.WriteEndObject();
    }

    /// <summary>Writes the parameters object alone: the body of an HTTP API call.</summary>
    public static void WriteBody(IBufferWriter<byte> output, JsonObject? parameters)
    {
        using var writer = new Utf8JsonWriter(output);
        WriteParameters(writer, parameters);
    }

    private static void WriteParameters(Utf8JsonWriter writer, JsonObject? parameters)
    {
        if (parameters is null)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
        {
            parameters.WriteTo(writer);
        }
    }
}
