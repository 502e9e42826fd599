using System.Buffers;

namespace CqBot.Messaging;

/// <summary>
/// Reads OneBot's string message format by scanning spans. It accepts exactly what the reference regular
/// expression of nonebot/aiocqhttp accepts,
/// <c>\[CQ:([a-zA-Z0-9-_.]+)((?:,[a-zA-Z0-9-_.]+=[^,\]]*)*),?\]</c>, matched left to right without overlap;
/// everything else is text, so no input makes it throw.
/// </summary>
/// <remarks>
/// The expression never backtracks into a shorter name or value (names are followed by characters that
/// names cannot contain, values end at the first ',' or ']'), so a single forward scan decides a match.
/// </remarks>
internal static class CqCodeParser
{
    private const string CodePrefix = "[CQ:";

    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    public static Message Parse(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return Message.Empty;
        }

        var source = input.AsSpan();
        var codeStart = source.IndexOf(CodePrefix);
        var textStart = 0;
        var buffer = default(InlineBuffer16<Segment>);
        var segments = new ValueListBuilder<Segment>(buffer);
        try
        {
            while (codeStart >= 0)
            {
                var codeEnd = MatchCode(source, codeStart);
                if (codeEnd < 0)
                {
                    // Not a code: the "[CQ:" stays part of the surrounding text.
                    codeStart = IndexOfCodePrefix(source, codeStart + 1);
                    continue;
                }

                if (codeStart > textStart)
                {
                    segments.Add(Segment.CreateText(CqCode.Unescape(source[textStart..codeStart])));
                }

                if (CreateCodeSegment(source[(codeStart + CodePrefix.Length)..(codeEnd - 1)]) is { } segment)
                {
                    segments.Add(segment);
                }

                textStart = codeEnd;
                codeStart = IndexOfCodePrefix(source, codeEnd);
            }

            if (textStart == 0)
            {
                // No code at all: one text segment, reusing the input when it needs no unescaping.
                return Message.FromOwnedArray([Segment.CreateText(CqCode.Unescape(input))]);
            }

            if (textStart < source.Length)
            {
                segments.Add(Segment.CreateText(CqCode.Unescape(source[textStart..])));
            }

            return Message.FromOwnedArray(segments.ToArray());
        }
        finally
        {
            segments.Dispose();
        }
    }

    private static int IndexOfCodePrefix(ReadOnlySpan<char> source, int from)
    {
        var index = source[from..].IndexOf(CodePrefix);
        return index < 0 ? -1 : from + index;
    }

    /// <summary>Returns the index just past the code's ']' when a well-formed code starts at <paramref name="start"/>, else -1.</summary>
    private static int MatchCode(ReadOnlySpan<char> source, int start)
    {
        var position = start + CodePrefix.Length;
        var typeLength = NameLength(source[position..]);
        if (typeLength == 0)
        {
            return -1;
        }

        position += typeLength;
        while (position < source.Length)
        {
            var current = source[position];
            if (current == ']')
            {
                return position + 1;
            }

            if (current != ',')
            {
                return -1;
            }

            position++;
            if (position < source.Length && source[position] == ']')
            {
                // One trailing comma before ']' is tolerated.
                return position + 1;
            }

            var keyLength = NameLength(source[position..]);
            if (keyLength == 0)
            {
                return -1;
            }

            position += keyLength;
            if (position >= source.Length || source[position] != '=')
            {
                return -1;
            }

            position++;
            var valueLength = source[position..].IndexOfAny(',', ']');
            if (valueLength < 0)
            {
                return -1;
            }

            position += valueLength;
        }

        return -1;
    }

    private static int NameLength(ReadOnlySpan<char> source)
    {
        var end = source.IndexOfAnyExcept(NameChars);
        return end < 0 ? source.Length : end;
    }

    /// <summary>
    /// Builds the segment of a code already matched; <paramref name="body"/> is what lies between "[CQ:" and "]".
    /// Returns <see langword="null"/> for a [CQ:text] code with no text, which yields no segment.
    /// </summary>
    private static Segment? CreateCodeSegment(ReadOnlySpan<char> body)
    {
        var comma = body.IndexOf(',');
        var type = comma < 0 ? body : body[..comma];
        var parameters = comma < 0 ? default : body[(comma + 1)..];

        var buffer = default(InlineBuffer4<KeyValuePair<string, SegmentValue>>);
        var entries = new ValueListBuilder<KeyValuePair<string, SegmentValue>>(buffer);
        try
        {
            while (!parameters.IsEmpty)
            {
                var end = parameters.IndexOf(',');
                var parameter = end < 0 ? parameters : parameters[..end];
                parameters = end < 0 ? default : parameters[(end + 1)..];

                // The match guarantees "key=value"; only the first '=' separates them.
                var equals = parameter.IndexOf('=');
                var key = parameter[..equals];
                var value = SegmentValue.FromString(CqCode.Unescape(parameter[(equals + 1)..]));
                var existing = Segment.IndexOfKey(entries.AsSpan(), key);
                if (existing >= 0)
                {
                    // A repeated key keeps its last value, as the dictionary-based reference parsers do.
                    entries[existing] = new KeyValuePair<string, SegmentValue>(entries[existing].Key, value);
                }
                else
                {
                    entries.Add(new KeyValuePair<string, SegmentValue>(WellKnownNames.Get(key), value));
                }
            }

            if (type.SequenceEqual(SegmentTypes.Text))
            {
                // [CQ:text,text=X] is text X (CQHTTP, go-cqhttp and koishi); its other parameters mean nothing.
                var textIndex = Segment.IndexOfKey(entries.AsSpan(), SegmentTypes.Text);
                var text = textIndex < 0 ? string.Empty : entries[textIndex].Value.ToString();
                return text.Length == 0 ? null : Segment.CreateText(text);
            }

            return Segment.Create(WellKnownNames.Get(type), entries.AsSpan());
        }
        finally
        {
            entries.Dispose();
        }
    }
}
