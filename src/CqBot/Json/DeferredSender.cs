namespace CqBot.Json;

/// <summary>
/// Where a message event's <c>sender</c> object is in the event's bytes, so that it is read only when a
/// handler asks for it. The scan that found it has already checked its JSON.
/// </summary>
/// <param name="Start">Where the object starts in the event's bytes.</param>
/// <param name="Length">The object's length; 0 when there is nothing to read.</param>
internal readonly record struct DeferredSender(int Start, int Length)
{
    /// <summary>Reads the sender into <paramref name="slot"/> unless another thread got there first, and returns what the slot holds.</summary>
    /// <param name="slot">The event's sender field.</param>
    /// <param name="deferred">Where the sender is.</param>
    /// <param name="eventJson">The event's bytes.</param>
    /// <param name="eventUserId">The event's <c>user_id</c>, for a sender without one.</param>
    public static MessageSender Load(ref MessageSender? slot, DeferredSender deferred, ReadOnlySpan<byte> eventJson, long eventUserId)
    {
        var sender = deferred.Read(eventJson, eventUserId);
        return Interlocked.CompareExchange(ref slot, sender, null) ?? sender;
    }

    private MessageSender Read(ReadOnlySpan<byte> eventJson, long eventUserId)
    {
        var fields = default(SenderFields);
        if (Length > 0)
        {
            var json = eventJson.Slice(Start, Length);
            if (!ScannedEventJson.TryReadSender(json, ref fields))
            {
                fields = default;
                ReadWithReader(json, ref fields);
            }
        }

        return EventFactory.CreateSender(ref fields, eventUserId);
    }

    private static void ReadWithReader(ReadOnlySpan<byte> json, ref SenderFields fields)
    {
        try
        {
            var source = new ReaderEventJson(json);
            source.Reader.Read();
            EventJsonReader.ReadSender(ref source, ref fields);
        }
        catch (InvalidOperationException)
        {
            // Escaped text that decodes to invalid UTF-8: the sender is unreadable, not the event.
            fields = default;
        }
    }
}
