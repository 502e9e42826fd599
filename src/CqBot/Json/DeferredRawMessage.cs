using CqBot.Messaging;

namespace CqBot.Json;

/// <summary>
/// How a parsed message event gets its <c>raw_message</c> text on first use: decoded from where it is in
/// the event's bytes (unescaped UTF-8, already scanned), or, when the implementation sent none, the
/// message formatted as CQ code.
/// </summary>
/// <param name="Start">Where the text starts in the event's bytes.</param>
/// <param name="Length">The text's length in bytes; 0 when it is not in the bytes.</param>
/// <param name="FromMessage">Whether there was no <c>raw_message</c>, so the event's message is formatted instead.</param>
internal readonly record struct DeferredRawMessage(int Start, int Length, bool FromMessage)
{
    /// <summary>Produces the text into <paramref name="slot"/> unless another thread got there first, and returns what the slot holds.</summary>
    /// <remarks>An event built in code has neither; its raw message is empty.</remarks>
    public static string Load(ref string? slot, DeferredRawMessage deferred, ReadOnlySpan<byte> eventJson, Message message)
    {
        var text = deferred.Length > 0 ? JsonText.Decode(eventJson.Slice(deferred.Start, deferred.Length))
            : deferred.FromMessage ? message.ToCqCode()
            : string.Empty;
        return Interlocked.CompareExchange(ref slot, text, null) ?? text;
    }
}
