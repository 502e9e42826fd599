using System.Globalization;

namespace CqBot.Handlers.Tests;

public interface IWelcomeText
{
    string Format(long userId);
}

public sealed class WelcomeText : IWelcomeText
{
    public string Format(long userId) => string.Create(CultureInfo.InvariantCulture, $"欢迎 {userId}");
}

public partial class TestHandlers(IWelcomeText welcome)
{
    [OnNotice("group_increase")]
    public string Welcome(GroupIncreaseNotice notice) => welcome.Format(notice.UserId);

    [OnRequest("friend")]
    public static QuickOperation Approve(FriendRequest request) => QuickOperation.Approved("friend of " + request.UserId.ToString(CultureInfo.InvariantCulture));

    [OnNotice("notify", "poke")]
    public static async Task<string> PokeBack(PokeNotice notice, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return "别戳了";
    }

    [OnNotice("notify", "lucky_king", Priority = -1, Block = true)]
    public static string First() => "first";

    [OnNotice("notify", "lucky_king")]
    public static string Second() => "second";

    [OnMetaEvent("heartbeat")]
    public static void Beat(Session session) => Beats++;

    public static int Beats { get; private set; }

    [Middleware(Prepend = true)]
    public static async ValueTask<Message?> Shout(Session session, Next next) => session.Content == "shout" ? "SHOUT" : await next();
}

public partial class PingCommand
{
    [Command("ping")]
    public static string Ping() => "pong";

    [Command("kickme")]
    public static QuickOperation KickMe() => new() { Reply = "再见", Kick = true };

    [Command("muteme [minutes:posint]")]
    public static async ValueTask<QuickOperation> MuteMe(CancellationToken cancellationToken, int minutes = 10)
    {
        await Task.Delay(1, cancellationToken);
        return new QuickOperation { Ban = true, BanDuration = minutes * 60 };
    }

    [Command("whois <target:user>")]
    public static async Task<string> WhoIs(long target, IBot bot, CancellationToken cancellationToken)
    {
        var info = await bot.CallAsync("get_stranger_info", new System.Text.Json.Nodes.JsonObject { ["user_id"] = target }, cancellationToken);
        return info!.Value.GetProperty("nickname").GetString()!;
    }
}
