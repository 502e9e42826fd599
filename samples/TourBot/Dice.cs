using CqBot;

namespace TourBot;

public partial class Dice
{
    [Command("roll [sides:posint]", Description = "Roll dice", Examples = ["roll 20 -t 3"])]
    [Option("times", "-t, --times <count:posint>", Description = "How many dice")]
    public static string Roll(int sides = 6, int times = 1)
    {
        var rolls = Enumerable.Range(0, times).Select(_ => Random.Shared.Next(1, sides + 1)).ToArray();
        return $"{string.Join(" + ", rolls)} = {rolls.Sum()}";
    }
}
