using System.Collections.Concurrent;

namespace CqBot.Tests.Commands;

/// <summary>What the steps of the command flow did, in order.</summary>
public sealed class FlowLog
{
    public ConcurrentQueue<string> Steps { get; } = new();

    public void Add(string step) => Steps.Enqueue(step);
}

public enum Finish
{
    Matte,
    Gloss,
}

public partial class FlowCommands
{
    [Check]
    public static bool Recorded(FlowLog log, Session session)
    {
        log.Add("check");
        return session.UserId != 13;
    }

    [Command("traced <word> [count:posint]")]
    [Option("loud", "-l")]
    [Option("times", "-t <n:posint>")]
    public static string Traced(FlowLog log, string word, int count = 1, bool loud = false, int times = 1)
    {
        log.Add("run");
        return loud ? word.ToUpperInvariant() : word;
    }

    [Command("crash <input:text>")]
    public static string Crash(FlowLog log, string input)
    {
        log.Add("run");
        throw new InvalidOperationException("crash: " + input);
    }

    [Command("alpha1")]
    public static string Alpha1() => "a1";

    [Command("alpha2")]
    public static string Alpha2() => "a2";

    [Command("backstage", Hidden = true)]
    public static string Backstage() => "hidden";

    [Command("paint <mood>")]
    [Option("finish", "-f <finish>", Description = "表面")]
    public static string Paint(Mood mood, Finish finish = Finish.Matte) => mood + "/" + finish;
}
