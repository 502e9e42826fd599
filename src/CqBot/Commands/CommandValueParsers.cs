using System.Globalization;

namespace CqBot;

/// <summary>Conversions of argument tokens to the built-in argument types; called by generated parsers.</summary>
public static class CommandValueParsers
{
    /// <summary><c>integer</c>: a whole number, negative allowed.</summary>
    public static bool TryParseInteger(string token, out long value) =>
        long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary><c>posint</c>: a whole number greater than zero.</summary>
    public static bool TryParsePositiveInteger(string token, out long value) => TryParseInteger(token, out value) && value > 0;

    /// <summary><c>natural</c>: a whole number zero or greater.</summary>
    public static bool TryParseNaturalNumber(string token, out long value) => TryParseInteger(token, out value) && value >= 0;

    /// <summary><c>number</c>: a finite decimal number.</summary>
    public static bool TryParseNumber(string token, out double value) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary><c>boolean</c>: true/false, yes/no, 1/0, on/off.</summary>
    public static bool TryParseBoolean(string token, out bool value)
    {
        switch (token.ToLowerInvariant())
        {
            case "true" or "yes" or "1" or "on":
                value = true;
                return true;
            case "false" or "no" or "0" or "off":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
