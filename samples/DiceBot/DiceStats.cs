using System.Globalization;
using CqBot;

namespace DiceBot;

/// <summary>What the bot keeps of each user's rolls: how many, and the best total.</summary>
public static class DiceStats
{
    /// <summary>How many times the user rolled.</summary>
    public static readonly DataField<int> Rolls = DataField.Int32("dice.rolls");

    /// <summary>The best total the user rolled; absent until the first roll.</summary>
    public static readonly DataField<int?> Best = new("dice.best", null, static value => value?.ToString(CultureInfo.InvariantCulture) ?? "", static text => text.Length == 0 ? null : int.Parse(text, CultureInfo.InvariantCulture));

    /// <summary>Asks for the fields with every message's user.</summary>
    public static void Request(Session session, FieldRequest fields) => fields.Add(Rolls).Add(Best);

    /// <summary>Counts <paramref name="times"/> rolls whose best total was <paramref name="best"/>.</summary>
    public static void Record(BotUser user, int times, int best)
    {
        user.Update(Rolls, rolls => rolls + times);
        user.Update(Best, earlier => earlier is { } previous && previous >= best ? previous : best);
    }

    /// <summary>The statistics as the stats command says them.</summary>
    public static string Describe(BotUser user) => user.Get(Best) is { } best
        ? string.Create(CultureInfo.InvariantCulture, $"你一共掷了 {user.Get(Rolls)} 次，最好成绩是 {best}。")
        : "你还没有掷过骰子，发送 roll 2d6 试试。";
}
