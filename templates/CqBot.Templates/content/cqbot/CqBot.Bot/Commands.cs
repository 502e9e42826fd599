using System.Globalization;
using CqBot;

namespace CqBot.Bot;

/// <summary>The bot's commands and event handlers.</summary>
public partial class Commands
{
    /// <summary>The longest message the bot says back.</summary>
    public const int MaxLength = 200;

    /// <summary>Says the text back.</summary>
    [Command("echo <text:text>", Description = "Says the text back", Examples = ["echo hello"])]
    public static string Echo(string text) => text;

    /// <summary>Runs before each command of this class: a reply stops the command, null lets it run.</summary>
    [Check]
    public static string? NotTooLong(Session session) =>
        session.Content.Length > MaxLength ? $"That is too long: at most {MaxLength} characters." : null;

    /// <summary>Greets a new group member.</summary>
    [OnNotice("group_increase")]
    public static string Welcome(GroupIncreaseNotice notice) =>
        string.Create(CultureInfo.InvariantCulture, $"Welcome, {notice.UserId}! Send \"echo hello\" to try me.");
}
