using System.Globalization;

namespace CqBot.Handlers.Tests;

public partial class DataCommands
{
    public static readonly DataField<int> Counted = DataField.Int32("test.counted");

    public static readonly DataField<string> Motto = DataField.String("test.motto", "(none)");

    [Command("count")]
    public static string Count(Session session) => session.User!.Update(Counted, n => n + 1).ToString(CultureInfo.InvariantCulture);

    [Command("motto [text:text]")]
    public static string SetMotto(Session session, string? text = null)
    {
        var channel = session.Channel!;
        if (text is not null)
        {
            channel.Set(Motto, text);
        }
        return channel.Get(Motto);
    }

    [Command("staff", Authority = 3)]
    public static string Staff() => "staff only";

    [Command("daily", MaxUsage = 2)]
    public static string Daily() => "daily done";

    [Command("slow", MinInterval = "10s")]
    public static string Slow() => "slow done";

    [Command("whoami")]
    public static string WhoAmI(Session session) => string.Create(CultureInfo.InvariantCulture, $"{session.User?.Id} {session.User?.Authority} {session.Channel?.Id}");
}
