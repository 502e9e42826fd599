using System.Text.RegularExpressions;

namespace CqBot.Tests.Messaging;

/// <summary>
/// The canonical parser of cqcode-cases.json written the way the reference implementations write it
/// (nonebot/aiocqhttp: one regular expression, sequential string replacements, a dictionary per code),
/// plus the file's one fix: [CQ:text,text=X] is text X. The fast parser must agree with it on any input.
/// </summary>
internal static partial class ReferenceCqCodeParser
{
    public static Message Parse(string input)
    {
        var segments = new List<Segment>();
        var textStart = 0;
        foreach (Match match in CodePattern().Matches(input))
        {
            AddText(segments, input[textStart..match.Index]);
            textStart = match.Index + match.Length;

            var type = match.Groups["type"].Value;
            var data = new Dictionary<string, string>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var piece in match.Groups["params"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = piece.IndexOf('=', StringComparison.Ordinal);
                var key = piece[..equals];
                if (!data.ContainsKey(key))
                {
                    order.Add(key);
                }

                data[key] = Unescape(piece[(equals + 1)..]);
            }

            if (type == "text")
            {
                if (data.TryGetValue("text", out var text) && text.Length > 0)
                {
                    segments.Add(Segment.Text(text));
                }

                continue;
            }

            var pairs = new List<KeyValuePair<string, SegmentValue>>();
            foreach (var key in order)
            {
                pairs.Add(new(key, data[key]));
            }

            segments.Add(new Segment(type, pairs));
        }

        AddText(segments, input[textStart..]);
        return new Message(segments);
    }

    private static void AddText(List<Segment> segments, string escaped)
    {
        if (escaped.Length > 0)
        {
            segments.Add(Segment.Text(Unescape(escaped)));
        }
    }

    private static string Unescape(string value) => value
        .Replace("&#44;", ",", StringComparison.Ordinal)
        .Replace("&#91;", "[", StringComparison.Ordinal)
        .Replace("&#93;", "]", StringComparison.Ordinal)
        .Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex(@"\[CQ:(?<type>[a-zA-Z0-9\-_.]+)(?<params>(?:,[a-zA-Z0-9\-_.]+=[^,\]]*)*),?\]", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
