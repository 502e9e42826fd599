using System.Diagnostics;
using System.Globalization;
using CqBot.Data.PostgreSql;

namespace CqBot.DataBenchmark;

/// <summary>
/// Two processes on one PostgreSQL database, each sending 50 uses of a limited command by the same
/// user at the same moment: the store must count every allowed use and allow no more than the limit.
/// </summary>
internal static class UsageRace
{
    private const long UserId = 777;
    private const int UsesPerProcess = 50;

    // Each worker's pool; with the parent's, well under the server's default of 100 connections.
    private const int WorkerPool = 40;

    /// <summary>True when every round passed (or none ran for want of a server).</summary>
    public static async Task<bool> RunAsync()
    {
        Console.WriteLine("## Command usage across two processes (PostgreSQL)");
        Console.WriteLine();
        if (PostgresDatabase.Server is not { } server)
        {
            Console.WriteLine($"skipped: {PostgresDatabase.Variable} not set");
            return true;
        }
        await using var database = await PostgresDatabase.CreateAsync(server);
        await using var store = new PostgreSqlBotStore(database.ConnectionString(4));
        await store.InitializeAsync(default);

        Console.WriteLine($"{UsesPerProcess} concurrent uses of the command by one user in each of 2 processes, released at the same moment");
        Console.WriteLine();
        Console.WriteLine("| command | user | MaxUsage | uses | allowed (A + B) | refused (A + B) | other | ms taken (A / B) | ms both running | count in store | expected | result |");
        Console.WriteLine("|---|---:|---:|---:|---|---|---:|---|---:|---:|---:|---|");
        var pass = await RoundsAsync(database, store, "limited", 1000, 2 * UsesPerProcess);
        pass &= await RoundsAsync(database, store, "capped", 60, 60);
        Console.WriteLine();
        Console.WriteLine("A round whose two processes did not send at the same time (a busy machine can start one late) is run again with another user, up to 5 times; every round must count exactly.");
        Console.WriteLine();
        return pass;
    }

    private static async Task<bool> RoundsAsync(PostgresDatabase database, PostgreSqlBotStore store, string command, int maxUsage, int expected)
    {
        var pass = true;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (exact, overlapped) = await RoundAsync(database, store, command, maxUsage, expected, UserId + attempt);
            pass &= exact;
            if (overlapped)
            {
                break;
            }
        }
        return pass;
    }

    private static async Task<(bool Exact, bool Overlapped)> RoundAsync(PostgresDatabase database, PostgreSqlBotStore store, string command, int maxUsage, int expected, long userId)
    {
        var connectionString = database.ConnectionString(WorkerPool);
        var workers = new[] { Start(connectionString, command, userId), Start(connectionString, command, userId) };
        try
        {
            foreach (var worker in workers)
            {
                await ExpectAsync(worker, "ready");
            }
            // Both wait on their gate; they open it at the same wall-clock moment, a little ahead.
            var go = "go " + (DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            foreach (var worker in workers)
            {
                await worker.StandardInput.WriteLineAsync(go);
                await worker.StandardInput.FlushAsync();
            }
            var results = new List<WorkerResult>();
            foreach (var worker in workers)
            {
                results.Add(Parse(await ExpectAsync(worker, "result ")));
                await worker.WaitForExitAsync();
            }

            var day = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime).DayNumber;
            var usage = await store.GetCommandUsageAsync(userId, command, day, default);
            var allowed = results.Sum(r => r.Allowed);
            var other = results.Sum(r => r.Other);
            var pass = usage.Count == expected && allowed == expected && other == 0;
            // How long both processes were sending at once, against how long each took.
            var overlap = (Math.Min(results[0].End, results[1].End) - Math.Max(results[0].Start, results[1].Start)) / 1000.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {command} | {userId} | {maxUsage} | {2 * UsesPerProcess} | {allowed} ({results[0].Allowed} + {results[1].Allowed}) | {results.Sum(r => r.Refused)} ({results[0].Refused} + {results[1].Refused}) | {other} | {(results[0].End - results[0].Start) / 1000.0:0.0} / {(results[1].End - results[1].Start) / 1000.0:0.0} | {overlap:0.0} | {usage.Count} | {expected} | {(pass ? "PASS" : "FAIL")}{(overlap > 0 ? "" : ", not at the same time: again")} |"));
            return (pass, overlap > 0);
        }
        finally
        {
            foreach (var worker in workers)
            {
                if (!worker.HasExited)
                {
                    worker.Kill();
                    await worker.WaitForExitAsync();
                }
                worker.Dispose();
            }
        }
    }

    private static Process Start(string connectionString, string command, long userId)
    {
        var start = new ProcessStartInfo { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        // The same program: the apphost, or the managed build under dotnet.
        var self = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.FileName = self;
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CqBot.DataBenchmark.dll"));
        }
        else
        {
            start.FileName = self;
        }
        start.ArgumentList.Add("usage-worker");
        start.ArgumentList.Add(connectionString);
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(UsesPerProcess.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(userId.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
            {
                Console.Error.WriteLine($"[worker {process.Id}] {e.Data}");
            }
        };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string> ExpectAsync(Process worker, string prefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await worker.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
            Console.Error.WriteLine($"[worker {worker.Id}] {line}");
        }
        await worker.WaitForExitAsync(timeout.Token);
        throw new InvalidOperationException($"The usage worker exited with code {worker.ExitCode} before saying '{prefix.Trim()}'.");
    }

    private static WorkerResult Parse(string line)
    {
        var values = line["result ".Length..].Split(' ').Select(part => long.Parse(part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture)).ToArray();
        return new WorkerResult((int)values[0], (int)values[1], (int)values[2], values[3], values[4]);
    }

    /// <summary>What one worker saw; start and end in unix microseconds.</summary>
    private sealed record WorkerResult(int Allowed, int Refused, int Other, long Start, long End);
}
