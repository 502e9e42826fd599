using System.Globalization;

namespace CqBot.LoadTest;

/// <summary>What to run: <c>--duration</c>, <c>--warmup</c> (seconds), <c>--inflight</c>, <c>--rates 2000,10000</c>, <c>--conversations 1000</c>, <c>--only ws,http,ws-open,http-open,conversations</c>.</summary>
internal sealed record LoadSettings(TimeSpan Duration, TimeSpan Warmup, int InFlight, int[] Rates, string[]? Only)
{
    /// <summary>How many conversations wait at once in the conversation scenario.</summary>
    public int Conversations { get; init; } = 1000;

    /// <summary>Room for every event one scenario may send.</summary>
    public int Capacity => 4_000_000;

    public bool Runs(string scenario) => Only is null || Array.IndexOf(Only, scenario) >= 0;

    public static LoadSettings Parse(string[] args)
    {
        var settings = new LoadSettings(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), 64, [2000, 10000], null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--duration" => settings with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => settings with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--inflight" => settings with { InFlight = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rates" => settings with { Rates = [.. value.Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture))] },
                "--only" => settings with { Only = value.Split(',') },
                "--conversations" => settings with { Conversations = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --duration, --warmup, --inflight, --rates, --conversations, --only."),
            };
        }
        return settings;
    }
}
