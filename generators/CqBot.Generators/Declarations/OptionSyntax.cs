using System.Collections.Generic;

namespace CqBot.Generators.Declarations;

/// <summary>
/// A parsed option syntax: <c>-t, --times &lt;count:posint&gt;</c>, <c>-A, --no-alpha</c>, <c># &lt;id&gt;</c>,
/// <c>-- &lt;rest:text&gt;</c>, or empty (the option then answers to <c>--kebab-name</c> only).
/// </summary>
internal sealed class OptionSyntax
{
    private OptionSyntax(List<string> aliases, bool takesValue, bool valueRequired, string? valueName, string? type, int typeStart)
    {
        TypeStart = typeStart;
        Aliases = aliases;
        TakesValue = takesValue;
        ValueRequired = valueRequired;
        ValueName = valueName;
        Type = type;
    }

    public IReadOnlyList<string> Aliases { get; }

    public bool TakesValue { get; }

    public bool ValueRequired { get; }

    public string? ValueName { get; }

    public string? Type { get; }

    /// <summary>Where the type's name is in the syntax, or -1 when no type is written.</summary>
    public int TypeStart { get; }

    public static OptionSyntax? TryParse(string text, out string? error)
    {
        error = null;
        var bracket = text.IndexOfAny(new[] { '<', '[' });
        var namesPart = bracket < 0 ? text : text.Substring(0, bracket);
        var aliases = new List<string>();
        foreach (var piece in namesPart.Split(new[] { ',', ' ', '\t' }, System.StringSplitOptions.RemoveEmptyEntries))
        {
            if (aliases.Contains(piece))
            {
                error = $"the name '{piece}' appears twice";
                return null;
            }
            aliases.Add(piece);
        }
        if (bracket < 0)
        {
            return new OptionSyntax(aliases, false, false, null, null, -1);
        }
        var close = text[bracket] == '<' ? '>' : ']';
        var end = text.IndexOf(close, bracket + 1);
        if (end < 0)
        {
            error = $"'{text[bracket]}' is never closed";
            return null;
        }
        if (text.Substring(end + 1).Trim().Length > 0)
        {
            error = "nothing may follow the value; put the description in Description";
            return null;
        }
        var body = text.Substring(bracket + 1, end - bracket - 1).Trim();
        string? type = null;
        var typeStart = -1;
        var colon = body.IndexOf(':');
        if (colon >= 0)
        {
            type = body.Substring(colon + 1).Trim();
            body = body.Substring(0, colon).Trim();
            typeStart = text.IndexOf(':', bracket) + 1;
            while (typeStart < end && char.IsWhiteSpace(text[typeStart]))
            {
                typeStart++;
            }
        }
        return new OptionSyntax(aliases, true, text[bracket] == '<', body.Length == 0 ? null : body, type, typeStart);
    }
}
