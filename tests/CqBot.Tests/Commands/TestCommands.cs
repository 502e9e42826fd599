using System.Globalization;

namespace CqBot.Tests.Commands;

public interface IGreetingSource
{
    string Greeting { get; }
}

public sealed class FixedGreeting : IGreetingSource
{
    public string Greeting => "你好";
}

public partial class CalculatorCommands
{
    [Command("add <a:integer> <b:integer>", Description = "Adds two integers", Aliases = ["plus"])]
    public static string Add(long a, long b) => (a + b).ToString(CultureInfo.InvariantCulture);

    [Command("half <x:number>")]
    public static string Half(double x) => (x / 2).ToString(CultureInfo.InvariantCulture);

    [Command("neg <x>")]
    public static string Negate(int x) => (-x).ToString(CultureInfo.InvariantCulture);

    [Command("flag <on:boolean>")]
    public static string Flag(bool on) => on ? "on" : "off";
}

public enum Mood
{
    Happy,
    Grumpy,
}

public partial class OptionCommands
{
    [Command("repeat <word>")]
    [Option("times", "-t, --times <count:posint>", Description = "how often")]
    [Option("loud", "-l", Description = "shout")]
    [Option("separator", "-s [sep]")]
    public static string Repeat(string word, int times = 2, bool loud = false, string separator = " ")
    {
        var text = string.Join(separator, Enumerable.Repeat(word, times));
        return loud ? text.ToUpperInvariant() : text;
    }

    [Command("feel <mood>")]
    [Option("level", "--level <n>")]
    public static string Feel(Mood mood, double level = 1) => string.Create(CultureInfo.InvariantCulture, $"{mood}:{level}");

    [Command("pick")]
    [Option("mode", "-m <mode>")]
    [Option("mode", "-A, --advantage", Value = "adv")]
    [Option("mode", "-D", Value = "dis")]
    public static string Pick(string mode = "normal") => mode;

    [Command("when <at:date>")]
    public static string When(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    [Command("poke <target:user>")]
    public static string Poke(long target) => target.ToString(CultureInfo.InvariantCulture);

    [Command("sum [...values:integer]")]
    public static string Sum(long[] values) => values.Sum().ToString(CultureInfo.InvariantCulture);

    [Command("market <area> <item>", Aliases = ["市场 China"])]
    [Shortcut("签到", Arguments = "daily bonus")]
    [Shortcut("买", Arguments = "China", Fuzzy = true)]
    public static string Market(string area, string item) => area + "/" + item;

    [Command("ver <version>")]
    public static string Ver(Version version) => version.Major.ToString(CultureInfo.InvariantCulture);

    [Command("level")]
    [Option("gamma", "-c", Value = 1)]
    public static string Level(int gamma = 0) => gamma.ToString(CultureInfo.InvariantCulture);

    [Command("style")]
    [Option("style", "-F", Value = "fancy")]
    [Option("style", "-s <style>")]
    public static string Style(string style = "plain") => style;
}

public partial class ChatCommands(IGreetingSource greetings)
{
    [Command("greet <name> [times:posint]")]
    public string Greet(string name, int times = 2) => string.Join(" ", Enumerable.Repeat(greetings.Greeting + " " + name, times));

    [Command("say <text:text>")]
    public static Task<string> Say(string text) => Task.FromResult(text);

    [Command("whoami")]
    public static string WhoAmI(Session session, GroupMessageEvent group) =>
        string.Create(CultureInfo.InvariantCulture, $"{session.UserId}@{group.GroupId}");

    [Command("inbox")]
    public static string Inbox(PrivateMessageEvent message) => message.UserId.ToString(CultureInfo.InvariantCulture);

    [Command("count [...words]")]
    public static string Count(string[] words) => words.Length.ToString(CultureInfo.InvariantCulture);

    [Command("boom")]
    public static string Boom() => throw new InvalidOperationException("handler bug");

    [Command("quiet")]
    public static void Quiet()
    {
    }

    [Command("later")]
    public static async ValueTask<Message> Later(CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return "done";
    }
}

public partial class GuardedCommands
{
    [Check]
    public static string? GroupsOnly(Session session) => session.IsGroup ? null : "Only in groups.";

    [Check("secret")]
    public static async Task<bool> Allowed(Session session, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return session.UserId == 42;
    }

    [Command("guarded")]
    public static string Guarded() => "ran";

    [Command("secret")]
    public static string Secret() => "classified";
}
