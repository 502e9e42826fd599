using CqBot;

namespace TourBot;

public partial class Profile
{
    public static readonly DataField<string> Name = DataField.String("tour.name");

    [Command("register", Description = "Tell the bot your name")]
    public static async Task<string> Register(Session session)
    {
        var answer = await session.PromptAsync("What should I call you?");
        if (!answer.IsAnswered)
        {
            return "Maybe later, then.";
        }
        session.User!.Set(Name, answer.PlainText.Trim());   // saved before the reply goes out
        return $"Nice to meet you, {answer.PlainText.Trim()}!";
    }

    [Check("register")]
    public static string? InPrivate(Session session) =>
        session.IsGroup ? "Let's do that in a private chat." : null;

    [Command("whoami", Description = "What the bot knows about you")]
    public static string WhoAmI(Session session) =>
        session.User!.Get(Name) is { Length: > 0 } name ? $"You are {name}." : "I don't know you yet: send \"register\".";
}
