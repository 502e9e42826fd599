using System.Text.Json;
using System.Text.Json.Serialization;
using CqBot.Messaging;

namespace CqBot;

/// <summary>
/// Converts <see cref="Message"/> to and from OneBot JSON without reflection, so it works in Native AOT
/// and in source-generated <see cref="JsonSerializerContext"/>s (<see cref="Message"/> carries it as its converter).
/// </summary>
/// <remarks>
/// <para>
/// Reading accepts both message formats: a string is read as CQ code, an array as segments
/// <c>{"type": …, "data": {…} | null}</c> (a single segment object is accepted too). Reading is tolerant of
/// what implementations actually send: numbers and booleans in data become their text (<c>"123"</c>,
/// <c>"true"</c>), null values are left out as if absent, a forward node's <c>content</c> array is kept as a
/// nested message, and any other object or array in data, as well as unknown segment types, are kept so
/// that they are written back unchanged. Segment properties other than <c>type</c> and <c>data</c> are ignored.
/// </para>
/// <para>Writing always produces the array format, with <c>data</c> always an object.</para>
/// </remarks>
public sealed class MessageJsonConverter : JsonConverter<Message>
{
    /// <summary>Reads a message from a CQ-code string, a segment array or a single segment object.</summary>
    /// <param name="reader">The reader, positioned on the message's first token.</param>
    /// <param name="typeToConvert">The type to convert (<see cref="Message"/>).</param>
    /// <param name="options">The serializer options (not used: the format is fixed by OneBot).</param>
    /// <returns>The message; <see cref="Message.Empty"/> for JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The JSON is neither a string nor segments, or a segment has no string <c>type</c>.</exception>
    public override Message Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        MessageJsonReader.Read(ref reader);

    /// <summary>Writes a message as a segment array.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The message.</param>
    /// <param name="options">The serializer options (not used: the format is fixed by OneBot).</param>
    public override void Write(Utf8JsonWriter writer, Message value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        MessageJsonWriter.Write(writer, value);
    }
}
