using CqBot;

namespace TourBot;

public partial class Greeter
{
    [OnNotice("group_increase")]
    public static async Task<string> Welcome(GroupIncreaseNotice notice, IBot bot, CancellationToken cancellationToken)
    {
        var group = await bot.GetGroupInfoAsync(notice.GroupId, cancellationToken: cancellationToken);
        return $"Welcome to {group.GroupName}, {notice.UserId}! Send \"register\" to introduce yourself.";
    }
}
