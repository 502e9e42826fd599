namespace CqBot.Commands;

/// <summary>One token of a command line, as positions in the source.</summary>
/// <param name="Start">Where the token starts, opening quote included.</param>
/// <param name="End">Where it ends, closing quote included.</param>
/// <param name="Quoted">True when the token was quoted; a quoted token is never an option.</param>
internal readonly record struct CommandToken(int Start, int End, bool Quoted)
{
    public int ContentStart => Quoted ? Start + 1 : Start;

    public int ContentLength => Quoted ? End - Start - 2 : End - Start;

    public ReadOnlySpan<char> Content(string source) => source.AsSpan(ContentStart, ContentLength);
}

/// <summary>
/// Reads a command line token by token, without copying. Whitespace separates tokens; a token that
/// starts with a quote (<c>"…"</c>, <c>'…'</c>, <c>“…”</c>, <c>‘…’</c>) ends at the matching closer followed
/// by whitespace, the terminator or the end. A CQ code is never split, whatever spaces its values hold.
/// There is no backslash escape.
/// </summary>
internal struct CommandTokenizer(string source, int start, char terminator = '\0')
{
    private int _position = start;

    /// <summary>Where reading stopped: the end of the input, or the terminator.</summary>
    public int Stop { get; private set; } = source.Length;

    /// <summary>Where a quote opens that is never closed, or -1.</summary>
    public int UnclosedQuote { get; private set; } = -1;

    public readonly int Position => _position;

    public void Reset(int position) => _position = position;

    public bool TryRead(out CommandToken token)
    {
        token = default;
        var i = _position;
        while (i < source.Length && char.IsWhiteSpace(source[i]))
        {
            i++;
        }
        if (i >= source.Length || (terminator != '\0' && source[i] == terminator))
        {
            Stop = i;
            _position = i;
            return false;
        }
        var closer = Closer(source[i]);
        if (closer != '\0')
        {
            var end = FindCloser(i + 1, closer);
            if (end < 0)
            {
                UnclosedQuote = i;
                Stop = source.Length;
                _position = i;
                return false;
            }
            token = new CommandToken(i, end + 1, true);
            _position = end + 1;
            return true;
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
        token = new CommandToken(tokenStart, i, false);
        _position = i;
        return true;
    }

    /// <summary>Every token, for tests and tools.</summary>
    public static (List<CommandToken> Tokens, int Stop, int UnclosedQuote) Tokenize(string source, int start = 0, char terminator = '\0')
    {
        var reader = new CommandTokenizer(source, start, terminator);
        var tokens = new List<CommandToken>();
        while (reader.TryRead(out var token))
        {
            tokens.Add(token);
        }
        return (tokens, reader.Stop, reader.UnclosedQuote);
    }

    private readonly int FindCloser(int from, char closer)
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
