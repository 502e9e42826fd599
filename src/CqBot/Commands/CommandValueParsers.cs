using System.ComponentModel;
using System.Globalization;

namespace CqBot.Infrastructure;

/// <summary>Conversions of command tokens to the built-in argument types; called by the parser and by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CommandValueParsers
{
    /// <summary>Converts <paramref name="length"/> characters of <paramref name="source"/> at <paramref name="start"/>; numbers and flags keep referring to the source.</summary>
    public static bool TryConvert(CommandValueKind kind, string source, int start, int length, Func<string, bool>? validator, out CommandValue value)
    {
        // The kinds nearly every command uses first, in a small method; the others out of line.
        switch (kind)
        {
            case CommandValueKind.String:
            case CommandValueKind.Text:
                value = new CommandValue(kind, UnescapeCqText(source, start, length));
                return true;
            case CommandValueKind.Integer:
            case CommandValueKind.PositiveInteger:
            case CommandValueKind.NaturalNumber:
                if (!TryParseInteger(source.AsSpan(start, length), out var integer)
                    || (kind == CommandValueKind.PositiveInteger && integer <= 0)
                    || (kind == CommandValueKind.NaturalNumber && integer < 0))
                {
                    value = default;
                    return false;
                }
                value = new CommandValue(kind, source, start, length, integer, integer);
                return true;
            default:
                return TryConvertOther(kind, source, start, length, validator, out value);
        }
    }

    private static bool TryConvertOther(CommandValueKind kind, string source, int start, int length, Func<string, bool>? validator, out CommandValue value)
    {
        value = default;
        var token = source.AsSpan(start, length);
        switch (kind)
        {
            case CommandValueKind.Number:
                if (!TryParseNumber(token, out var number))
                {
                    return false;
                }
                value = new CommandValue(kind, source, start, length, (long)Math.Truncate(number), number);
                return true;
            case CommandValueKind.Boolean:
                if (!TryParseBoolean(token, out var boolean))
                {
                    return false;
                }
                value = new CommandValue(kind, source, start, length, boolean: boolean);
                return true;
            case CommandValueKind.Date:
                if (!DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                {
                    return false;
                }
                value = new CommandValue(kind, source, start, length, date: date);
                return true;
            case CommandValueKind.User:
                if (!TryParseUser(token, out var user))
                {
                    return false;
                }
                value = new CommandValue(kind, source, start, length, user, user);
                return true;
            case CommandValueKind.Channel:
                if (token.Length < 2 || token[0] != '#' || !long.TryParse(token[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var channel))
                {
                    return false;
                }
                value = new CommandValue(kind, source, start, length, channel, channel);
                return true;
            case CommandValueKind.Image:
                var image = token.IndexOf("[CQ:image,", StringComparison.Ordinal);
                var imageEnd = image < 0 ? -1 : token[image..].IndexOf(']');
                if (imageEnd < 0)
                {
                    return false;
                }
                value = new CommandValue(kind, source.Substring(start + image, imageEnd + 1));
                return true;
            case CommandValueKind.Custom:
                var text = UnescapeCqText(source, start, length);
                if (validator is not null && !validator(text))
                {
                    return false;
                }
                value = new CommandValue(kind, text);
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>number</c>: a finite decimal; <c>,</c> and <c>_</c> group separators are ignored; no hex, no empty value.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> token, out double value)
    {
        value = 0;
        if (token.IsEmpty)
        {
            return false;
        }
        Span<char> buffer = token.Length <= 64 ? stackalloc char[token.Length] : new char[token.Length];
        var length = 0;
        foreach (var c in token)
        {
            if (c is not (',' or '_'))
            {
                buffer[length++] = c;
            }
        }
        return length > 0
            && double.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    /// <summary><c>integer</c>: a whole number (<c>2.0</c> is 2), negative allowed.</summary>
    public static bool TryParseInteger(ReadOnlySpan<char> token, out long value)
    {
        if (TryParseShortInteger(token, out value))
        {
            return true;
        }
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        if (TryParseNumber(token, out var number) && Math.Floor(number) == number && number is >= long.MinValue and < long.MaxValue)
        {
            value = (long)number;
            return true;
        }
        value = 0;
        return false;
    }

    // What long.TryParse with AllowLeadingSign and the invariant culture accepts, for the common case:
    // an optional sign and at most 18 ASCII digits, which cannot overflow. Anything else (longer,
    // separators, decimals) is left to the general parse.
    internal static bool TryParseShortInteger(ReadOnlySpan<char> token, out long value)
    {
        value = 0;
        var negative = false;
        if (!token.IsEmpty && token[0] is '-' or '+')
        {
            negative = token[0] == '-';
            token = token[1..];
        }
        if (token.IsEmpty || token.Length > 18)
        {
            return false;
        }
        long result = 0;
        foreach (var c in token)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }
            result = (result * 10) + digit;
        }
        value = negative ? -result : result;
        return true;
    }

    /// <summary><c>boolean</c>: true/false, yes/no, on/off, 1/0, case-insensitive.</summary>
    public static bool TryParseBoolean(ReadOnlySpan<char> token, out bool value)
    {
        if (token.Equals("true", StringComparison.OrdinalIgnoreCase) || token.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || token.Equals("on", StringComparison.OrdinalIgnoreCase) || token.SequenceEqual("1"))
        {
            value = true;
            return true;
        }
        value = false;
        return token.Equals("false", StringComparison.OrdinalIgnoreCase) || token.Equals("no", StringComparison.OrdinalIgnoreCase)
            || token.Equals("off", StringComparison.OrdinalIgnoreCase) || token.SequenceEqual("0");
    }

    /// <summary>
    /// <c>user</c>: an @-mention CQ code <c>[CQ:at,qq=123]</c>, <c>@123</c>, or <c>@onebot:123</c> (Koishi's
    /// platform-qualified form). A user of another platform (<c>@discord:123</c>) is refused, as is
    /// <c>onebot:123</c> without the <c>@</c>, which Koishi refuses too.
    /// </summary>
    public static bool TryParseUser(ReadOnlySpan<char> token, out long value)
    {
        value = 0;
        if (token.StartsWith("[CQ:at,", StringComparison.Ordinal) && token.EndsWith(']'))
        {
            var qq = token.IndexOf("qq=", StringComparison.Ordinal);
            if (qq < 0)
            {
                return false;
            }
            var digits = token[(qq + 3)..^1];
            var comma = digits.IndexOf(',');
            return long.TryParse(comma < 0 ? digits : digits[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }
        if (token.Length < 2 || token[0] != '@')
        {
            return false;
        }
        var id = token[1..];
        var colon = id.IndexOf(':');
        if (colon >= 0)
        {
            // Koishi names users platform:id; this bot only knows OneBot's, whose ids are QQ numbers.
            if (!id[..colon].SequenceEqual(OneBotPlatform))
            {
                return false;
            }
            id = id[(colon + 1)..];
        }
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The platform name Koishi's OneBot adapter gives its users and channels.</summary>
    private const string OneBotPlatform = "onebot";

    /// <summary>The segment an <c>image</c> value holds.</summary>
    public static Segment ToSegment(string cqCode) => Message.FromCqCode(cqCode) is { Count: > 0 } message ? message[0] : Segment.Text(cqCode);

    /// <summary>Undoes the CQ-code escaping of text: <c>&amp;#91;</c>, <c>&amp;#93;</c>, <c>&amp;#44;</c>, then <c>&amp;amp;</c>.</summary>
    public static string UnescapeCqText(string text) => UnescapeCqText(text, 0, text.Length);

    private static string UnescapeCqText(string source, int start, int length)
    {
        var span = source.AsSpan(start, length);
        if (!span.Contains('&'))
        {
            return start == 0 && length == source.Length ? source : span.ToString();
        }
        return CqCode.Unescape(span.ToString());
    }
}
