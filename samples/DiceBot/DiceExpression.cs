using System.Globalization;

namespace DiceBot;

/// <summary>A dice expression <c>[count]d&lt;sides&gt;[+|-modifier]</c>.</summary>
public readonly record struct DiceExpression(int Count, int Sides, int Modifier)
{
    /// <summary>The most dice one roll may throw.</summary>
    public const int MaxCount = 100;

    /// <summary>The most sides a die may have.</summary>
    public const int MaxSides = 1000;

    /// <summary>Parses <c>2d6</c>, <c>d20+3</c>, <c>4D8-2</c>; on failure says why, for the user.</summary>
    public static bool TryParse(string text, out DiceExpression expression, out string error)
    {
        expression = default;
        var span = text.AsSpan().Trim();
        var d = span.IndexOfAny('d', 'D');
        if (d < 0)
        {
            error = $"无法识别骰子“{text}”，请写成 2d6、d20+3 这样的形式。";
            return false;
        }
        var count = 1;
        if (d > 0 && !int.TryParse(span[..d], NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            error = $"骰子个数“{span[..d]}”不是正整数。";
            return false;
        }
        var rest = span[(d + 1)..];
        var sign = rest.IndexOfAny('+', '-');
        var sidesText = sign < 0 ? rest : rest[..sign];
        if (!int.TryParse(sidesText, NumberStyles.None, CultureInfo.InvariantCulture, out var sides))
        {
            error = $"骰子面数“{sidesText}”不是正整数。";
            return false;
        }
        var modifier = 0;
        if (sign >= 0)
        {
            if (!int.TryParse(rest[(sign + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out modifier) || modifier > 1_000_000)
            {
                error = $"加值“{rest[sign..]}”无效。";
                return false;
            }
            if (rest[sign] == '-')
            {
                modifier = -modifier;
            }
        }
        if (count is < 1 or > MaxCount || sides is < 1 or > MaxSides)
        {
            error = $"一次最多掷 {MaxCount} 个骰子，每个最多 {MaxSides} 面。";
            return false;
        }
        expression = new DiceExpression(count, sides, modifier);
        error = "";
        return true;
    }

    /// <summary>Throws the dice.</summary>
    public int[] Roll(Random random)
    {
        var rolls = new int[Count];
        for (var i = 0; i < rolls.Length; i++)
        {
            rolls[i] = random.Next(1, Sides + 1);
        }
        return rolls;
    }

    /// <inheritdoc />
    public override string ToString() => Modifier switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{Count}d{Sides}"),
        > 0 => string.Create(CultureInfo.InvariantCulture, $"{Count}d{Sides}+{Modifier}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Count}d{Sides}{Modifier}"),
    };
}
