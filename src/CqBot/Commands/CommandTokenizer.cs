namespace CqBot.Commands;

/// <summary>
/// Splits a command line into tokens: whitespace separates; a token that starts with a quote
/// ("…", '…', “…”, ‘…’) runs to the matching closer followed by whitespace or the end.
/// </summary>
internal static class CommandTokenizer
{
    public static List<string> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length)
            {
                return tokens;
            }
            var closer = Closer(text[i]);
            if (closer != '\0')
            {
                var end = FindCloser(text, i + 1, closer);
                if (end >= 0)
                {
                    tokens.Add(text[(i + 1)..end].ToString());
                    i = end + 1;
                    continue;
                }
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            tokens.Add(text[start..i].ToString());
        }
    }

    private static int FindCloser(ReadOnlySpan<char> text, int from, char closer)
    {
        for (var j = from; j < text.Length; j++)
        {
            if (text[j] == closer && (j + 1 == text.Length || char.IsWhiteSpace(text[j + 1])))
            {
                return j;
            }
        }
        return -1;
    }

    private static char Closer(char opener) => opener switch
    {
        '"' => '"',
        '\'' => '\'',
        '“' => '”',
        '‘' => '’',
        _ => '\0',
    };
}
