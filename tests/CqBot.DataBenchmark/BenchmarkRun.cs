using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using CqBot.Data;
using CqBot.Data.PostgreSql;
using CqBot.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace CqBot.DataBenchmark;

/// <summary>Runs the parts the settings name and prints their tables; exits 1 when a correctness check fails.</summary>
internal static class BenchmarkRun
{
    /// <summary>What the SQLite path must sustain on one core.</summary>
    private const double SqliteTarget = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = BenchSettings.Parse(args);
        PrintMachine();
        var pass = true;

        var results = new List<ThroughputRun.Result>();
        if (settings.Runs("memory") || settings.Runs("sqlite") || settings.Runs("postgres"))
        {
            Console.WriteLine("## Commands through the attach stages");
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{settings.Users:N0} users in {settings.Groups} groups, one worker per group sending `bump` for its users in turn; all users loaded first, then {settings.Warmup.TotalSeconds} s warm-up, {settings.Duration.TotalSeconds} s measured"));
            Console.WriteLine();
            Console.WriteLine("| store | commands/s | p50 µs | p99 µs | mean µs | added mean µs vs in-memory | added p50 µs vs in-memory | CPU µs/command | alloc B/command | changes/batch |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            ThroughputRun.Result? baseline = null;
            if (settings.Runs("memory"))
            {
                await using var store = new InMemoryBotStore();
                baseline = Print(await ThroughputRun.RunAsync("in-memory", store, settings), null);
                results.Add(baseline);
            }
            if (settings.Runs("sqlite"))
            {
                var folder = Directory.CreateTempSubdirectory("cqbot-bench-");
                try
                {
                    await using var store = new SqliteBotStore(Path.Combine(folder.FullName, "bot.db"));
                    results.Add(Print(await ThroughputRun.RunAsync("SQLite (temp file, WAL)", store, settings), baseline));
                }
                finally
                {
                    folder.Delete(recursive: true);
                }
            }
            if (settings.Runs("postgres"))
            {
                if (PostgresDatabase.Server is { } server)
                {
                    await using var database = await PostgresDatabase.CreateAsync(server);
                    await using var store = new PostgreSqlBotStore(database.ConnectionString(20));
                    results.Add(Print(await ThroughputRun.RunAsync("PostgreSQL (loopback)", store, settings), baseline));
                }
                else
                {
                    Console.WriteLine($"| PostgreSQL | skipped: {PostgresDatabase.Variable} not set | | | | | | | | |");
                }
            }
            Console.WriteLine();

            Console.WriteLine("No lost update: the bumps in the store, summed over all users, against the commands answered (warm-up and measured window together)");
            Console.WriteLine();
            Console.WriteLine("| store | commands answered | sum in store | users whose stored value ≠ last answer | answers not previous + 1 | failed answers | result |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
            foreach (var result in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {result.Store} | {result.Answered:N0} | {result.Stored:N0} | {result.WrongUsers} of {result.Users:N0} | {result.OutOfOrder} | {result.Failed} | {(result.Correct ? "PASS" : "FAIL")} |"));
                pass &= result.Correct;
            }
            Console.WriteLine();

            if (results.Find(r => r.Store.StartsWith("SQLite", StringComparison.Ordinal)) is { } sqlite)
            {
                var cores = Environment.ProcessorCount;
                var perCore = 1_000_000 / sqlite.CpuPerCommand;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"SQLite target ≥ {SqliteTarget:N0} commands/s on one core: {(cores == 1 ? (sqlite.CommandsPerSecond >= SqliteTarget ? "MET" : "NOT MET") : "not checked here (more than one core; run under `taskset -c 1` to check it)")} — measured {sqlite.CommandsPerSecond:N0} commands/s with {cores} core(s) available; {sqlite.CpuPerCommand:0.0} µs CPU per command, so one fully busy core does ≈ {perCore:N0} commands/s"));
                Console.WriteLine();
            }
        }

        if (settings.Runs("usage"))
        {
            pass &= await UsageRace.RunAsync();
        }
        Console.WriteLine(pass ? "all checks PASS" : "some check FAILED");
        return pass ? 0 : 1;
    }

    private static ThroughputRun.Result Print(ThroughputRun.Result result, ThroughputRun.Result? baseline)
    {
        var addedMean = baseline is null ? "–" : (result.Mean - baseline.Mean).ToString("0", CultureInfo.InvariantCulture);
        var addedP50 = baseline is null ? "–" : (result.P50 - baseline.P50).ToString("0", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {result.Store} | {result.CommandsPerSecond:N0} | {result.P50:0} | {result.P99:0} | {result.Mean:0} | {addedMean} | {addedP50} | {result.CpuPerCommand:0.0} | {result.AllocatedPerCommand:N0} | {result.ChangesPerBatch:0.0} |"));
        return result;
    }

    private static void PrintMachine()
    {
        var debuggable = typeof(BenchmarkRun).Assembly.GetCustomAttribute<DebuggableAttribute>();
        var release = debuggable is null || !debuggable.IsJITOptimizerDisabled;
        var pgo = AppContext.TryGetSwitch("System.Runtime.TieredPGO", out var on) ? (on ? "on" : "off") : "default";
        Console.WriteLine("## Machine");
        Console.WriteLine();
        Console.WriteLine($"- CPU: {CpuModel()}, {MachineCores()} cores on the machine; this process may run on CPUs {AllowedCpus()} ({Environment.ProcessorCount} available to .NET)");
        Console.WriteLine($"- runtime: {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
        Console.WriteLine($"- build: {(release ? "Release" : "Debug")}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, tiered PGO {pgo}");
        Console.WriteLine($"- SQLite {SqliteVersion()}; PostgreSQL: {(PostgresDatabase.Server is null ? "none (" + PostgresDatabase.Variable + " not set)" : "server from " + PostgresDatabase.Variable)}");
        Console.WriteLine();
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version();";
        return command.ExecuteScalar() as string ?? "?";
    }

    private static string CpuModel() => ReadProc("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string AllowedCpus() => ReadProc("/proc/self/status", "Cpus_allowed_list", ':') ?? "?";

    private static int MachineCores()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").Count(line => line.StartsWith("processor", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return Environment.ProcessorCount;
        }
    }

    private static string? ReadProc(string path, string key, char separator)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith(key, StringComparison.Ordinal) && line.IndexOf(separator, StringComparison.Ordinal) is var at and >= 0)
                {
                    return line[(at + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
