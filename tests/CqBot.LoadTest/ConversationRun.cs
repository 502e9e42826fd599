using System.Diagnostics;
using System.Globalization;
using CqBot.Testing;

namespace CqBot.LoadTest;

/// <summary>
/// Many conversations at once over one reverse WebSocket: every user asks, the bot asks back and waits;
/// once all wait, every user answers. Prints how many were answered, the answers' latency, and the bot's
/// memory per waiting conversation.
/// </summary>
internal static class ConversationRun
{
    private const long SelfId = 10001000;

    public static async Task RunAsync(BotProcess bot, int conversations)
    {
        var questions = 0;
        var answers = new long[conversations];
        var answered = 0;
        await using var client = await FakeOneBotClient.ConnectAsync(bot.Universal, SelfId, new FakeClientOptions { RecordCalls = false });
        client.Responder = call =>
        {
            if (call.Action == "send_msg")
            {
                var text = call.MessageText;
                if (text == "?")
                {
                    Interlocked.Increment(ref questions);
                }
                else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id < conversations)
                {
                    Interlocked.Exchange(ref answers[id], Stopwatch.GetTimestamp() - answers[id]);
                    Interlocked.Increment(ref answered);
                }
            }
            return ApiReply.Ok("""{"message_id":1}""");
        };
        await Task.Delay(500);
        GC.Collect();
        var before = bot.Rss;
        for (var i = 0; i < conversations; i++)
        {
            await client.SendEventAsync(FakeEvents.GroupMessage(SelfId, Group(i), User(i), "ask", i));
        }
        await WaitAsync(() => Volatile.Read(ref questions) >= conversations);
        await Task.Delay(1000);
        var waiting = bot.Rss;
        for (var i = 0; i < conversations; i++)
        {
            answers[i] = Stopwatch.GetTimestamp();
            await client.SendEventAsync(FakeEvents.GroupMessage(SelfId, Group(i), User(i), i.ToString(CultureInfo.InvariantCulture), conversations + i));
        }
        await WaitAsync(() => Volatile.Read(ref answered) >= conversations);
        var latencies = answers.Take(Volatile.Read(ref answered)).Select(ticks => ticks * 1_000_000.0 / Stopwatch.Frequency).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {conversations} conversations over reverse WS | asked {questions}, answered {answered}, lost {conversations - answered} | answer p50 {Percentile(latencies, 0.5):0} µs, p99 {Percentile(latencies, 0.99):0} µs | RSS {before / 1048576.0:0.0} → {waiting / 1048576.0:0.0} MB while waiting: {(waiting - before) / (double)conversations:0} B per conversation |"));
    }

    // Ten groups with a hundred users each: many users of one group are mid-conversation at once.
    private static long Group(int i) => 1 + (i % 10);

    private static long User(int i) => 100_000 + i;

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static async Task WaitAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }
}
