using System.Globalization;
using CqBot.Data;
using CqBot.Data.PostgreSql;

namespace CqBot.DataBenchmark;

/// <summary>
/// One process of the command-usage race: <c>usage-worker &lt;connection string&gt; &lt;command&gt; &lt;uses&gt; &lt;user&gt;</c>.
/// Readies <c>uses</c> messages of the user with the command, says <c>ready</c>, waits for a
/// <c>go &lt;unix ms&gt;</c> line on standard input, lets them all through the dispatcher at once at that
/// moment and prints <c>result allowed=… refused=… other=… start=… end=…</c> (unix µs).
/// </summary>
internal static class UsageWorker
{
    /// <summary>What a limited command answers when it runs.</summary>
    public const string Allowed = "allowed";

    /// <summary>The user of the warm-up use is the racing user plus this.</summary>
    public const long WarmUpUserOffset = 1_000_000;

    private const long Group = 600_000;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 4)
        {
            await Console.Error.WriteLineAsync("usage: usage-worker <connection string> <command> <uses> <user id>");
            return 2;
        }
        var (connectionString, command) = (args[0], args[1]);
        var uses = int.Parse(args[2], CultureInfo.InvariantCulture);
        var userId = long.Parse(args[3], CultureInfo.InvariantCulture);

        await using var store = new PostgreSqlBotStore(connectionString);
        var data = new BotData(store);
        try
        {
            var dispatcher = BenchBot.Create(data);
            await data.InitializeAsync();

            // Before the race: the user loaded, the dispatch path and the usage count compiled, and the
            // pool's connections open. The warm-up counts uses of another user, which the race does not
            // look at; uses of one user at once wait on its row, so each holds a connection meanwhile.
            await dispatcher.HandleAsync(new Session(BenchBot.GroupMessage(Group, userId, "ping"), BenchBot.Bot, BenchBot.Services));
            var warmUp = new CommandUseRequest(userId + WarmUpUserOffset, command, 0, 0, TimeSpan.Zero, DateTimeOffset.UtcNow);
            await Task.WhenAll(Enumerable.Range(0, uses).Select(_ => Task.Run(() => store.TryUseCommandAsync(warmUp, default))));
            await dispatcher.HandleAsync(new Session(BenchBot.GroupMessage(Group, userId + WarmUpUserOffset, command), BenchBot.Bot, BenchBot.Services));

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var runs = Enumerable.Range(0, uses).Select(i =>
            {
                var session = new Session(BenchBot.GroupMessage(Group, userId, command, 1000 + i), BenchBot.Bot, BenchBot.Services);
                return Task.Run(async () =>
                {
                    await gate.Task;
                    return BenchBot.ReplyText(await dispatcher.HandleAsync(session));
                });
            }).ToArray();

            Console.WriteLine("ready");
            if (await Console.In.ReadLineAsync() is not { } go || !go.StartsWith("go ", StringComparison.Ordinal))
            {
                return 2;
            }
            // Both processes start at the same wall-clock moment: sleep until just before it, then spin.
            var at = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(go[3..], CultureInfo.InvariantCulture));
            if (at - DateTimeOffset.UtcNow - TimeSpan.FromMilliseconds(50) is { Ticks: > 0 } sleep)
            {
                await Task.Delay(sleep);
            }
            while (DateTimeOffset.UtcNow < at)
            {
                Thread.SpinWait(20);
            }
            var start = DateTimeOffset.UtcNow;
            gate.SetResult();
            var replies = await Task.WhenAll(runs);
            var end = DateTimeOffset.UtcNow;

            var allowed = replies.Count(r => r == Allowed);
            var refused = replies.Count(r => r == dispatcher.Texts.UsageExhausted);
            foreach (var other in replies.Where(r => r != Allowed && r != dispatcher.Texts.UsageExhausted).Distinct())
            {
                await Console.Error.WriteLineAsync($"unexpected answer: {other ?? "(none)"}");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"result allowed={allowed} refused={refused} other={uses - allowed - refused} start={UnixMicroseconds(start)} end={UnixMicroseconds(end)}"));
            return 0;
        }
        finally
        {
            await data.DisposeAsync();
        }
    }

    private static long UnixMicroseconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
}
