using System.Globalization;

namespace CqBot.LoadTest;

/// <summary>
/// What to run: <c>--duration</c>, <c>--warmup</c> (seconds), <c>--inflight</c>, <c>--rates 2000,10000</c>,
/// <c>--conversations 1000</c>, <c>--only ws,http,ws-open,http-open,conversations</c>, and <c>--listen-metrics</c>
/// (the bot listens to its own metrics and activities) or <c>--listen-meters-only</c>.
/// </summary>
internal sealed record LoadSettings(TimeSpan Duration, TimeSpan Warmup, int InFlight, int[] Rates, string[]? Only)
{
    /// <summary>How many conversations wait at once in the conversation scenario.</summary>
    public int Conversations { get; init; } = 1000;

    /// <summary>Room for every event one scenario may send.</summary>
    public int Capacity => 4_000_000;

    /// <summary>The bot attaches a meter listener and an activity listener to everything CqBot publishes.</summary>
    public bool ListenMetrics { get; init; }

    /// <summary>The bot attaches a meter listener only, no activity listener.</summary>
    public bool ListenMetersOnly { get; init; }

    public bool Runs(string scenario) => Only is null || Array.IndexOf(Only, scenario) >= 0;

    public static LoadSettings Parse(string[] args)
    {
        var settings = new LoadSettings(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), 64, [2000, 10000], null);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] == "--listen-metrics")
            {
                settings = settings with { ListenMetrics = true };
                i--;
                continue;
            }
            if (args[i] == "--listen-meters-only")
            {
                settings = settings with { ListenMetersOnly = true };
                i--;
                continue;
            }
            if (i + 1 == args.Length)
            {
                throw new ArgumentException($"Option '{args[i]}' needs a value.");
            }
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--duration" => settings with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => settings with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--inflight" => settings with { InFlight = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rates" => settings with { Rates = [.. value.Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture))] },
                "--only" => settings with { Only = value.Split(',') },
                "--conversations" => settings with { Conversations = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --duration, --warmup, --inflight, --rates, --conversations, --only, --listen-metrics, --listen-meters-only."),
            };
        }
        return settings;
    }
}
