namespace CqBot.LoadTest;

/// <summary>The conversation the load run drives: asks, then answers with what the user said.</summary>
public partial class AskCommands
{
    /// <summary>Asks a question and echoes the answer.</summary>
    [Command("ask", Description = "Asks and echoes the answer")]
    public static async Task<string> Ask(Session session)
    {
        var answer = await session.PromptAsync("?");
        return answer.IsAnswered ? answer.PlainText : answer.Outcome.ToString();
    }
}
