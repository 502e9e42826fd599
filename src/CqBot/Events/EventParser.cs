using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CqBot.Events;
using CqBot.Json;

namespace CqBot;

/// <summary>
/// Turns the UTF-8 JSON of a OneBot v11 event (an HTTP POST body or a WebSocket text frame) into a
/// typed <see cref="Event"/>.
/// </summary>
/// <remarks>
/// <para>
/// The parser is tolerant of what real implementations send: ids as JSON strings, message ids beyond
/// int32 or negative, <c>sender.level</c> as a number, missing optional fields (which become null or
/// defaults), extra fields (kept in <see cref="Event.Raw"/>), and <c>message</c> as either a CQ-code
/// string or a segment array. An event of a kind it does not know is returned as
/// <see cref="UnknownEvent"/> or an <c>Unknown…</c> subtype, never dropped.
/// </para>
/// <para>
/// Input that is not a JSON object is an error, and so is an id (<c>self_id</c>, <c>user_id</c>,
/// <c>group_id</c>, <c>message_id</c>, <c>operator_id</c>, <c>target_id</c>, <c>sender_id</c>) that is
/// neither a number, nor a string of one, nor <c>null</c>: read as 0, it would send a reply to group or
/// user 0. Text that is not valid (invalid UTF-8, a lone surrogate escape) is read with U+FFFD in its place.
/// </para>
/// </remarks>
public static class EventParser
{
    /// <summary>Parses one event.</summary>
    /// <param name="utf8Json">The event's JSON as UTF-8 bytes. The bytes are copied; the buffer may be reused once this returns.</param>
    /// <returns>The typed event; its <see cref="Event.Raw"/> holds the JSON as received.</returns>
    /// <exception cref="EventParseException">The input is empty, not valid JSON, not a JSON object, or has an id that is not an integer (the message names it).</exception>
    public static Event Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return EventJsonReader.Read(utf8Json);
        }
        catch (JsonException exception)
        {
            throw new EventParseException(DescribeInvalidJson(exception), exception);
        }
        catch (InvalidOperationException exception)
        {
            // Utf8JsonReader's way of refusing escaped text that decodes to invalid UTF-8.
            throw new EventParseException($"The event holds text that is not valid UTF-8: {exception.Message}", exception);
        }
    }

    /// <summary>Parses one event without throwing.</summary>
    /// <param name="utf8Json">The event's JSON as UTF-8 bytes. The bytes are copied; the buffer may be reused once this returns.</param>
    /// <param name="evt">The typed event, or null when the input is not an event.</param>
    /// <param name="error">Why the input is not an event, or null on success.</param>
    /// <returns>Whether the input was a JSON object and so an event.</returns>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out Event? evt,
        [NotNullWhen(false)] out string? error)
    {
        try
        {
            evt = EventJsonReader.Read(utf8Json);
            error = null;
            return true;
        }
        catch (JsonException exception)
        {
            error = DescribeInvalidJson(exception);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // EventParseException for non-objects; anything else would be a parser bug, which must
            // still not escape a method that promises not to throw.
            error = exception.Message;
        }
        evt = null;
        return false;
    }

    private static string DescribeInvalidJson(JsonException exception) =>
        $"The input is not valid JSON, so it is not a OneBot event: {exception.Message}";
}
