using System.Text;

namespace CqBot.Events;

/// <summary>
/// How a parsed message event gets its <c>raw_message</c> text on first use: decoded from where it is in
/// the event's bytes (unescaped UTF-8, already scanned), or, when the implementation sent none, the
/// message formatted as CQ code.
/// </summary>
/// <param name="Start">Where the text starts in the event's bytes.</param>
/// <param name="Length">The text's length in bytes; 0 when it is not in the bytes.</param>
/// <param name="FormatFrom">The message to format when there is no <c>raw_message</c>; null for none.</param>
internal readonly record struct DeferredRawMessage(int Start, int Length, Message? FormatFrom)
{
    /// <summary>Produces the text into <paramref name="slot"/> unless another thread got there first, and returns what the slot holds.</summary>
    public static string Load(ref string? slot, DeferredRawMessage deferred, ReadOnlySpan<byte> eventJson)
    {
        var text = deferred.Length > 0
            ? Decode(eventJson.Slice(deferred.Start, deferred.Length))
            : deferred.FormatFrom?.ToCqCode() ?? string.Empty;
        return Interlocked.CompareExchange(ref slot, text, null) ?? text;
    }

    /// <summary>Decodes the text as the event scanner decodes every string: invalid UTF-8 becomes U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
