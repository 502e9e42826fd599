using System.Globalization;
using CqBot;

namespace DiceBot;

/// <summary>Commands that ask the implementation through the typed OneBot API.</summary>
public partial class Lookup
{
    /// <summary>Who a user is: <c>whois @someone</c>.</summary>
    [Command("whois <target:user>", Description = "查询用户昵称")]
    public static async Task<string> WhoIs(long target, IBot bot, CancellationToken cancellationToken)
    {
        var stranger = await bot.GetStrangerInfoAsync(target, cancellationToken: cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{stranger.Nickname} ({stranger.UserId})");
    }

    /// <summary>The group's name and size.</summary>
    [Command("groupinfo", Description = "本群信息")]
    public static async Task<string> GroupInfo(GroupMessageEvent message, IBot bot, CancellationToken cancellationToken)
    {
        var group = await bot.GetGroupInfoAsync(message.GroupId, cancellationToken: cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{group.GroupName}：{group.MemberCount?.ToString(CultureInfo.InvariantCulture) ?? "?"}/{group.MaxMemberCount?.ToString(CultureInfo.InvariantCulture) ?? "?"} 人");
    }
}
