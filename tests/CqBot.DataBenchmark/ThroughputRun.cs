using System.Diagnostics;
using System.Globalization;
using CqBot.Data;

namespace CqBot.DataBenchmark;

/// <summary>
/// Commands through the attach stages over one store: one worker per group sends its users' <c>bump</c>
/// commands one after another (as per-chat ordering would), each awaiting the answer, which comes once
/// the change is committed. All users are loaded first, then a warm-up, then the measured window; at
/// the end the store must hold exactly as many bumps as were answered.
/// </summary>
internal static class ThroughputRun
{
    private const long FirstUser = 100_000;
    private const long FirstGroup = 500_000;

    private const int Loading = 0;
    private const int WarmingUp = 1;
    private const int Measuring = 2;
    private const int Stopping = 3;

    public static async Task<Result> RunAsync(string name, IBotStore store, BenchSettings settings)
    {
        var counting = new CountingStore(store);
        // A cache time beyond the run: every command after loading finds its user cached.
        var data = new BotData(counting, new BotDataSettings { CacheTime = TimeSpan.FromHours(1) });
        var dispatcher = BenchBot.Create(data);
        await data.InitializeAsync();

        var phase = Loading;
        var loaded = 0;
        var workers = new Worker[settings.Groups];
        for (var g = 0; g < workers.Length; g++)
        {
            var users = new List<long>();
            for (var i = g; i < settings.Users; i += settings.Groups)
            {
                users.Add(FirstUser + i);
            }
            workers[g] = new Worker(FirstGroup + g, [.. users]);
        }
        var tasks = Array.ConvertAll(workers, worker => Task.Run(() => worker.RunAsync(dispatcher, () => Volatile.Read(ref phase), () => Interlocked.Increment(ref loaded))));

        // Loading: every worker has sent one command for each of its users, so all are cached.
        while (Volatile.Read(ref loaded) < workers.Length && !tasks.Any(t => t.IsFaulted))
        {
            await Task.Delay(10);
        }
        Volatile.Write(ref phase, WarmingUp);
        await Task.Delay(settings.Warmup);

        var process = Process.GetCurrentProcess();
        var batchesStart = counting.Batches;
        var changesStart = counting.Changes;
        var allocatedStart = GC.GetTotalAllocatedBytes(precise: false);
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        Volatile.Write(ref phase, Measuring);
        await Task.Delay(settings.Duration);
        Volatile.Write(ref phase, Stopping);
        var elapsed = Stopwatch.GetElapsedTime(start);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuStart;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedStart;
        var batches = counting.Batches - batchesStart;
        var changes = counting.Changes - changesStart;
        await Task.WhenAll(tasks);

        // Everything answered was committed before its answer; closing writes nothing new.
        await data.DisposeAsync();
        var cached = new Dictionary<long, int>();
        foreach (var worker in workers)
        {
            foreach (var (user, value) in worker.LastValues)
            {
                cached[user] = value;
            }
        }
        long stored = 0;
        var wrongUsers = 0;
        foreach (var (user, expected) in cached)
        {
            var record = await store.GetUserAsync(user, 1, [BenchCommands.Bumps.Name], default);
            var value = record.Fields.TryGetValue(BenchCommands.Bumps.Name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
            stored += value;
            wrongUsers += value == expected ? 0 : 1;
        }

        var measured = workers.Sum(w => w.Measured);
        var latencies = workers.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(latencies);
        return new Result(
            name,
            measured / elapsed.TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? double.NaN : Microseconds((long)latencies.Average()),
            measured == 0 ? double.NaN : cpu.TotalMicroseconds / measured,
            measured == 0 ? double.NaN : allocated / (double)measured,
            batches == 0 ? double.NaN : changes / (double)batches,
            workers.Sum(w => w.Answered),
            stored,
            workers.Sum(w => w.Failed),
            workers.Sum(w => w.OutOfOrder),
            wrongUsers,
            cached.Count);
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : Microseconds(sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))]);

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    /// <summary>One group's worker: its users' commands one after another.</summary>
    private sealed class Worker(long groupId, long[] users)
    {
        private readonly int[] _last = new int[users.Length];

        public List<long> Latencies { get; } = new(1 << 16);

        public long Measured { get; private set; }

        public long Answered { get; private set; }

        /// <summary>Commands answered with something other than the new count (the storage error).</summary>
        public long Failed { get; private set; }

        /// <summary>Answers that were not the user's previous count plus one.</summary>
        public long OutOfOrder { get; private set; }

        public IEnumerable<(long User, int Value)> LastValues => users.Select((user, i) => (user, _last[i]));

        public async Task RunAsync(EventDispatcher dispatcher, Func<int> phase, Action loaded)
        {
            // Parsed once: the parser is not what is measured.
            var events = Array.ConvertAll(users, user => BenchBot.GroupMessage(groupId, user, "bump"));
            var bot = BenchBot.Bot;
            var services = BenchBot.Services;
            for (var n = 0; ; n++)
            {
                var i = n % users.Length;
                if (n == users.Length)
                {
                    loaded();
                }
                var now = phase();
                if (now == Stopping)
                {
                    return;
                }
                var start = Stopwatch.GetTimestamp();
                var reply = BenchBot.ReplyText(await dispatcher.HandleAsync(new Session(events[i], bot, services)));
                var end = Stopwatch.GetTimestamp();
                if (int.TryParse(reply, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    Answered++;
                    OutOfOrder += value == _last[i] + 1 ? 0 : 1;
                    _last[i] = value;
                }
                else
                {
                    Failed++;
                }
                if (now == Measuring && phase() == Measuring)
                {
                    Measured++;
                    Latencies.Add(end - start);
                }
            }
        }
    }

    public sealed record Result(
        string Store,
        double CommandsPerSecond,
        double P50,
        double P99,
        double Mean,
        double CpuPerCommand,
        double AllocatedPerCommand,
        double ChangesPerBatch,
        long Answered,
        long Stored,
        long Failed,
        long OutOfOrder,
        int WrongUsers,
        int Users)
    {
        public bool Correct => Failed == 0 && OutOfOrder == 0 && WrongUsers == 0 && Stored == Answered;
    }
}
