namespace CqBot.Commands;

/// <summary>One token of a command line.</summary>
/// <param name="Content">The token without its quotes.</param>
/// <param name="Quoted">True when the token was quoted; a quoted token is never an option.</param>
/// <param name="Start">Where the token starts in the source, quote included.</param>
/// <param name="End">Where it ends in the source, quote included.</param>
internal readonly record struct CommandToken(string Content, bool Quoted, int Start, int End);

/// <summary>
/// Splits a command line into tokens. Whitespace separates tokens; a token that starts with a quote
/// (<c>"…"</c>, <c>'…'</c>, <c>“…”</c>, <c>‘…’</c>) ends at the matching closer followed by whitespace,
/// the terminator or the end. A CQ code is never split, whatever spaces its values hold. There is no
/// backslash escape.
/// </summary>
internal static class CommandTokenizer
{
    /// <summary>Tokenizes <paramref name="source"/> from <paramref name="start"/> up to an unquoted <paramref name="terminator"/>.</summary>
    /// <returns>The tokens, where the input stopped, and the index of a quote that is never closed (or -1).</returns>
    public static (List<CommandToken> Tokens, int Stop, int UnclosedQuote) Tokenize(string source, int start = 0, char terminator = '\0')
    {
        var tokens = new List<CommandToken>();
        var i = start;
        while (true)
        {
            while (i < source.Length && char.IsWhiteSpace(source[i]))
            {
                i++;
            }
            if (i >= source.Length || (terminator != '\0' && source[i] == terminator))
            {
                return (tokens, i, -1);
            }
            var closer = Closer(source[i]);
            if (closer != '\0')
            {
                var end = FindCloser(source, i + 1, closer, terminator);
                if (end < 0)
                {
                    return (tokens, i, i);
                }
                tokens.Add(new CommandToken(source[(i + 1)..end], true, i, end + 1));
                i = end + 1;
                continue;
            }
            var tokenStart = i;
            while (i < source.Length && !char.IsWhiteSpace(source[i]) && !(terminator != '\0' && source[i] == terminator))
            {
                if (source[i] == '[' && string.CompareOrdinal(source, i, "[CQ:", 0, 4) == 0)
                {
                    var close = source.IndexOf(']', i + 4);
                    i = close < 0 ? source.Length : close + 1;
                    continue;
                }
                i++;
            }
            tokens.Add(new CommandToken(source[tokenStart..i], false, tokenStart, i));
        }
    }

    private static int FindCloser(string source, int from, char closer, char terminator)
    {
        for (var j = from; j < source.Length; j++)
        {
            if (source[j] == closer && (j + 1 == source.Length || char.IsWhiteSpace(source[j + 1]) || (terminator != '\0' && source[j + 1] == terminator)))
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
