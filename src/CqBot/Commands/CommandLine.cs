using System.Globalization;
using System.Text;

namespace CqBot;

/// <summary>Writes a command line back from a command's arguments and options, as Koishi's <c>stringify</c>.</summary>
internal static class CommandLine
{
    /// <summary>
    /// <c>name arg1 arg2 --option value --flag --no-other</c>: options by their <c>--kebab-name</c>, true
    /// as a bare flag, false as <c>--no-</c>; values with spaces in double quotes.
    /// </summary>
    public static string Format(string name, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, object?>> options)
    {
        var line = new StringBuilder(name);
        foreach (var argument in arguments)
        {
            line.Append(' ').Append(Quote(argument));
        }
        foreach (var (key, value) in options)
        {
            var option = CommandSignature.ToKebabCase(key);
            switch (value)
            {
                case null:
                    break;
                case true:
                    line.Append(" --").Append(option);
                    break;
                case false:
                    line.Append(" --no-").Append(option);
                    break;
                default:
                    line.Append(" --").Append(option).Append(' ').Append(Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                    break;
            }
        }
        return line.ToString();
    }

    private static string Quote(string value) =>
        value.Length == 0 || value.AsSpan().IndexOfAny(" \t\n") >= 0 ? "\"" + value + "\"" : value;
}
