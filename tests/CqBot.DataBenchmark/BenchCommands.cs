using System.Globalization;

namespace CqBot.DataBenchmark;

/// <summary>The benchmark bot's commands; the generator turns them into <c>CqBot.Generated.ApplicationPlugin</c>.</summary>
public static partial class BenchCommands
{
    /// <summary>What <c>bump</c> counts, per user.</summary>
    public static readonly DataField<int> Bumps = DataField.Int32("bench.bumps");

    /// <summary>Counts one more for the sender; every use changes the user, so every use is written back.</summary>
    [Command("bump")]
    public static string Bump(Session session) => session.User!.Update(Bumps, n => n + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>A command whose uses are counted in the store, with room for every use of the race.</summary>
    [Command("limited", MaxUsage = 1000)]
    public static string Limited() => UsageWorker.Allowed;

    /// <summary>The same with 60 uses a day: of 100 at once, exactly 60 may pass.</summary>
    [Command("capped", MaxUsage = 60)]
    public static string Capped() => UsageWorker.Allowed;

    /// <summary>Touches the dispatch path without counting anything, to compile it before the race.</summary>
    [Command("ping")]
    public static string Ping() => "pong";
}
