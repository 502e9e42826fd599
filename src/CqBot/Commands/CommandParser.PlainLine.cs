namespace CqBot.Infrastructure;

public static partial class CommandParser
{
    private const byte TokenChar = 0;
    private const byte Space = 1;
    private const byte NotPlain = 2;

    // The ASCII characters of a plain line: printable ones and whitespace (exactly what char.IsWhiteSpace
    // says below 0x80), but no quote (a quoted token) and no '[' (a CQ code).
    internal static ReadOnlySpan<byte> PlainAsciiClass =>
    [
        2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        1, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
    ];

    /// <summary>
    /// The common case in one tight pass: a line of plain tokens (see <see cref="ClassOf"/>), positional
    /// values, <c>-x</c> and <c>--name</c> options with their value as the next token. Anything else (quotes, CQ codes,
    /// <c>--</c>, <c>=</c>, grouped flags, help, unknown options, a value that does not convert, a count error)
    /// returns false with <paramref name="result"/> as rented, and the general parser starts over; so every
    /// rule and every error message lives in the general parser alone, and this path must give what it would.
    /// </summary>
    internal static bool TryParsePlain(CommandSignature signature, string source, int start, ParsedCommand result)
    {
        var arguments = signature.ArgumentArray;
        var i = start;
        while (true)
        {
            var tokenStart = NextPlainToken(source, ref i);
            if (tokenStart < 0)
            {
                if (tokenStart == EndOfLine)
                {
                    break;
                }
                return false;
            }
            var length = i - tokenStart;
            var count = result.ArgumentCount;
            var slot = count < arguments.Length ? arguments[count] : null;
            if (length < 2 || source[tokenStart] != '-')
            {
                if (slot is null || !CommandValueParsers.TryConvert(slot.Kind, source, tokenStart, length, slot.Validator, out var value))
                {
                    return false;
                }
                result.AddArgument(value);
                continue;
            }

            // A dash token where a number is expected may be a negative number; the general parser decides.
            if (slot is not null && CommandSignature.IsNumeric(slot.Kind))
            {
                return false;
            }
            var token = source.AsSpan(tokenStart, length);
            int index;
            if (token[1] != '-')
            {
                index = length == 2 && token[1] != '=' ? signature.FindShortOption(token[1]) : -1;
            }
            else
            {
                index = length > 2 && !token.Contains('=') ? signature.FindOption(token) : -1;
            }
            if (index < 0)
            {
                return false;
            }

            var option = signature.OptionArray[index];
            var optionSlot = signature.OptionSlots[index];
            if (option.HasFixedValue)
            {
                result.SetOption(optionSlot, option.FixedValueOrDefault);
            }
            else if (!option.TakesValue)
            {
                result.SetOption(optionSlot, CommandValue.FromBoolean(true));
            }
            else
            {
                var valueStart = NextPlainToken(source, ref i);
                if (valueStart < 0)
                {
                    return false;
                }
                var valueLength = i - valueStart;
                if ((valueLength == 1 && source[valueStart] == '-')
                    || !CommandValueParsers.TryConvert(option.Kind, source, valueStart, valueLength, option.Validator, out var value))
                {
                    return false;
                }
                result.SetOption(optionSlot, value);
            }
        }

        if (signature.CheckArgumentCount)
        {
            for (var k = result.ArgumentCount; k < arguments.Length; k++)
            {
                if (arguments[k].Required)
                {
                    return false;
                }
            }
        }
        result.Stop = source.Length;
        return true;
    }

    private const int EndOfLine = -1;
    private const int NotPlainLine = -2;

    // Skips whitespace and reads one token: returns where it starts and moves `i` past it; EndOfLine
    // when only whitespace is left, NotPlainLine at a character a plain line does not hold.
    private static int NextPlainToken(string source, ref int i)
    {
        var position = i;
        byte kind;
        while (true)
        {
            if ((uint)position >= (uint)source.Length)
            {
                return EndOfLine;
            }
            kind = ClassOf(source[position]);
            if (kind != Space)
            {
                break;
            }
            position++;
        }
        if (kind == NotPlain)
        {
            return NotPlainLine;
        }
        var tokenStart = position;
        position++;
        while ((uint)position < (uint)source.Length)
        {
            kind = ClassOf(source[position]);
            if (kind == Space)
            {
                break;
            }
            if (kind == NotPlain)
            {
                return NotPlainLine;
            }
            position++;
        }
        i = position;
        return tokenStart;
    }

    // Beyond ASCII a character is part of a token, unless it is whitespace (the general tokenizer splits
    // there) or a curly opening quote (it may open a quoted token): those lines take the general path.
    internal static byte ClassOf(char c)
    {
        if (c < 128)
        {
            return PlainAsciiClass[c];
        }
        return c is '“' or '‘' || char.IsWhiteSpace(c) ? NotPlain : TokenChar;
    }
}
