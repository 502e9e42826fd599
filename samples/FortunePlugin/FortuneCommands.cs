using System.Globalization;
using CqBot;

namespace Fortune;

/// <summary>The daily fortune: the same answer for a user all day, a new one tomorrow.</summary>
public sealed partial class FortuneCommands(TimeProvider time, FortuneSettings settings)
{
    /// <summary>Tells the sender today's fortune.</summary>
    [Command("fortune", Description = "今日运势", Aliases = ["jrrp"])]
    public string Tell(Session session)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var fortunes = settings.Fortunes;
        var index = Pick(session.UserId ^ settings.Seed, day, fortunes.Length);
        return string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd} 的运势：{fortunes[index]}");
    }

    // Stable across processes and restarts (string.GetHashCode is not): a small mix of the user and the day.
    internal static int Pick(long userId, DateOnly day, int count)
    {
        var mixed = (ulong)userId * 0x9E3779B97F4A7C15UL ^ (ulong)day.DayNumber * 0xC2B2AE3D27D4EB4FUL;
        mixed ^= mixed >> 29;
        return (int)(mixed % (ulong)count);
    }
}
