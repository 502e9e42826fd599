namespace CqBot.Messaging;

/// <summary>
/// Writes messages in OneBot's string format: text escaped (<c>&amp; [ ]</c>), every other segment as
/// <c>[CQ:type,key=value,…]</c> with values escaped (<c>&amp; [ ] ,</c>).
/// </summary>
internal static class CqCodeFormatter
{
    private const int StackBufferLength = 512;

    public static string Format(Message message)
    {
        if (message.Count == 0)
        {
            return string.Empty;
        }

        if (message.Count == 1)
        {
            return Format(message[0]);
        }

        var writer = new CqCodeWriter(stackalloc char[StackBufferLength]);
        try
        {
            foreach (var segment in message)
            {
                Write(ref writer, segment);
            }

            return writer.ToString();
        }
        finally
        {
            writer.Dispose();
        }
    }

    public static string Format(Segment segment)
    {
        if (segment.IsText)
        {
            // Reuse the text itself when it needs no escaping (the common case for a reply).
            return segment.TextOrNull is { } text ? CqCode.Escape(text) : string.Empty;
        }

        var writer = new CqCodeWriter(stackalloc char[StackBufferLength]);
        try
        {
            Write(ref writer, segment);
            return writer.ToString();
        }
        finally
        {
            writer.Dispose();
        }
    }

    private static void Write(ref CqCodeWriter writer, Segment segment)
    {
        if (segment.IsText)
        {
            // A text segment is never written as [CQ:text,...]; data other than "text" has no string form.
            writer.AppendEscaped(segment.TextOrNull, CqCode.TextSpecials);
            return;
        }

        writer.Append("[CQ:");
        writer.Append(segment.Type);
        foreach (var (key, value) in segment.Data)
        {
            writer.Append(',');
            writer.Append(key);
            writer.Append('=');

            // A nested message (forward node content) is written as its own CQ code, escaped as a value.
            writer.AppendEscaped(value.StringOrNull ?? value.ToString(), CqCode.ValueSpecials);
        }

        writer.Append(']');
    }
}
