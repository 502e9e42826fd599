using System.Globalization;

namespace CqBot;

/// <summary>Conversions of command tokens to the built-in argument types.</summary>
public static class CommandValueParsers
{
    /// <summary>Converts a token to <paramref name="kind"/>; false when it does not fit.</summary>
    public static bool TryConvert(CommandValueKind kind, string token, Func<string, bool>? validator, out CommandValue value)
    {
        value = default;
        switch (kind)
        {
            case CommandValueKind.String:
            case CommandValueKind.Text:
                value = new CommandValue(kind, UnescapeCqText(token));
                return true;
            case CommandValueKind.Number:
                if (!TryParseNumber(token, out var number))
                {
                    return false;
                }
                value = new CommandValue(kind, token, (long)Math.Truncate(number), number);
                return true;
            case CommandValueKind.Integer:
            case CommandValueKind.PositiveInteger:
            case CommandValueKind.NaturalNumber:
                if (!TryParseInteger(token, out var integer)
                    || (kind == CommandValueKind.PositiveInteger && integer <= 0)
                    || (kind == CommandValueKind.NaturalNumber && integer < 0))
                {
                    return false;
                }
                value = new CommandValue(kind, token, integer, integer);
                return true;
            case CommandValueKind.Boolean:
                if (!TryParseBoolean(token, out var boolean))
                {
                    return false;
                }
                value = new CommandValue(kind, token, boolean: boolean);
                return true;
            case CommandValueKind.Date:
                if (!DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                {
                    return false;
                }
                value = new CommandValue(kind, token, date: date);
                return true;
            case CommandValueKind.User:
                if (!TryParseUser(token, out var user))
                {
                    return false;
                }
                value = new CommandValue(kind, token, user, user);
                return true;
            case CommandValueKind.Channel:
                if (token.Length < 2 || token[0] != '#' || !long.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var channel))
                {
                    return false;
                }
                value = new CommandValue(kind, token, channel, channel);
                return true;
            case CommandValueKind.Image:
                var image = token.IndexOf("[CQ:image,", StringComparison.Ordinal);
                var imageEnd = image < 0 ? -1 : token.IndexOf(']', image);
                if (imageEnd < 0)
                {
                    return false;
                }
                value = new CommandValue(kind, token[image..(imageEnd + 1)]);
                return true;
            case CommandValueKind.Custom:
                var text = UnescapeCqText(token);
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
    public static bool TryParseNumber(string token, out double value)
    {
        value = 0;
        if (token.Length == 0)
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
    public static bool TryParseInteger(string token, out long value)
    {
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

    /// <summary><c>posint</c>: a whole number greater than zero.</summary>
    public static bool TryParsePositiveInteger(string token, out long value) => TryParseInteger(token, out value) && value > 0;

    /// <summary><c>natural</c>: a whole number zero or greater.</summary>
    public static bool TryParseNaturalNumber(string token, out long value) => TryParseInteger(token, out value) && value >= 0;

    /// <summary><c>boolean</c>: true/false, yes/no, on/off, 1/0, case-insensitive.</summary>
    public static bool TryParseBoolean(string token, out bool value)
    {
        if (token.Equals("true", StringComparison.OrdinalIgnoreCase) || token.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || token.Equals("on", StringComparison.OrdinalIgnoreCase) || token == "1")
        {
            value = true;
            return true;
        }
        value = false;
        return token.Equals("false", StringComparison.OrdinalIgnoreCase) || token.Equals("no", StringComparison.OrdinalIgnoreCase)
            || token.Equals("off", StringComparison.OrdinalIgnoreCase) || token == "0";
    }

    /// <summary><c>user</c>: an @-mention CQ code <c>[CQ:at,qq=123]</c> or <c>@123</c>.</summary>
    public static bool TryParseUser(string token, out long value)
    {
        value = 0;
        if (token.StartsWith("[CQ:at,", StringComparison.Ordinal) && token.EndsWith(']'))
        {
            var qq = token.IndexOf("qq=", StringComparison.Ordinal);
            if (qq < 0)
            {
                return false;
            }
            var end = token.IndexOf(',', qq);
            var digits = token.AsSpan(qq + 3, (end < 0 ? token.Length - 1 : end) - qq - 3);
            return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }
        return token.Length > 1 && token[0] == '@' && long.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The segment an <c>image</c> value holds.</summary>
    public static Segment ToSegment(string cqCode) => Message.FromCqCode(cqCode) is { Count: > 0 } message ? message[0] : Segment.Text(cqCode);

    /// <summary>Undoes the CQ-code escaping of text: <c>&amp;#91;</c>, <c>&amp;#93;</c>, <c>&amp;#44;</c>, then <c>&amp;amp;</c>.</summary>
    public static string UnescapeCqText(string text)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }
        return text.Replace("&#91;", "[", StringComparison.Ordinal)
            .Replace("&#93;", "]", StringComparison.Ordinal)
            .Replace("&#44;", ",", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }
}
