using System.Globalization;
using System.Text;
using CqBot;

namespace DiceBot;

/// <summary>Dice commands.</summary>
public partial class Dice
{
    /// <summary>Rolls dice written as <c>NdM+K</c>: <c>2d6</c>, <c>d20+3</c>, <c>4d8-2</c>.</summary>
    [Command("roll <dice:string>", Description = "掷骰子，例如 2d6+1", Aliases = ["r"], Examples = ["roll 2d6", "roll d20+3 -t 3"])]
    [Option("times", "-t <count:posint>", Description = "连续掷几次")]
    public static string Roll(Session session, string dice, int times = 1)
    {
        if (!DiceExpression.TryParse(dice, out var expression, out var error))
        {
            return error;
        }
        if (times > MaxTimes)
        {
            return $"一次最多连续掷 {MaxTimes} 次。";
        }
        var lines = new string[times];
        var best = int.MinValue;
        for (var i = 0; i < times; i++)
        {
            (lines[i], var total) = RollOnce(expression);
            best = Math.Max(best, total);
        }
        // A bot without a store has no user to keep statistics for.
        if (session.User is { } user)
        {
            DiceStats.Record(user, times, best);
        }
        return string.Join('\n', lines);
    }

    /// <summary>Greets a new group member.</summary>
    [OnNotice("group_increase")]
    public static string Welcome(GroupIncreaseNotice notice) =>
        string.Create(CultureInfo.InvariantCulture, $"欢迎新成员 {notice.UserId}！发送 roll 2d6 试试手气。");

    /// <summary>The most rolls one command may ask for.</summary>
    public const int MaxTimes = 10;

    /// <summary>Shows the sender's dice statistics.</summary>
    [Command("stats", Description = "查看你的掷骰统计")]
    public static string Stats(Session session) => session.User is { } user ? DiceStats.Describe(user) : "这个机器人没有保存统计。";

    private static (string Text, int Total) RollOnce(DiceExpression expression)
    {
        var rolls = expression.Roll(Random.Shared);
        var total = expression.Modifier;
        var text = new StringBuilder();
        foreach (var roll in rolls)
        {
            total += roll;
            text.Append(text.Length == 0 ? "" : " + ").Append(roll.ToString(CultureInfo.InvariantCulture));
        }
        if (expression.Modifier != 0)
        {
            text.Append(expression.Modifier > 0 ? " + " : " - ").Append(Math.Abs(expression.Modifier).ToString(CultureInfo.InvariantCulture));
        }
        return (string.Create(CultureInfo.InvariantCulture, $"{expression} = {total} ({text})"), total);
    }
}
