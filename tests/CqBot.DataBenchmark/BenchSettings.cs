using System.Globalization;

namespace CqBot.DataBenchmark;

/// <summary>
/// What to run: <c>--duration</c> and <c>--warmup</c> in seconds (5 and 2), <c>--users</c> (1000),
/// <c>--groups</c> (50, one worker each), <c>--only memory,sqlite,postgres,usage</c>.
/// </summary>
internal sealed record BenchSettings(TimeSpan Duration, TimeSpan Warmup, int Users, int Groups, string[]? Only)
{
    public bool Runs(string part) => Only is null || Array.IndexOf(Only, part) >= 0;

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), 1000, 50, null);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"Option '{args[i]}' needs a value.");
            }
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--duration" => settings with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => settings with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--users" => settings with { Users = int.Parse(value, CultureInfo.InvariantCulture) },
                "--groups" => settings with { Groups = int.Parse(value, CultureInfo.InvariantCulture) },
                "--only" => settings with { Only = value.Split(',') },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --duration, --warmup, --users, --groups, --only memory,sqlite,postgres,usage."),
            };
        }
        return settings;
    }
}
