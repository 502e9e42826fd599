namespace CqBot.LoadTest;

/// <summary>The command the load run drives: it answers with its argument.</summary>
public partial class EchoCommands
{
    /// <summary>Echoes the text back.</summary>
    [Command("echo <text:text>", Description = "Echoes the text")]
    public static string Echo(string text) => text;

    /// <summary>Holds its chat for a while, as a slow command does: what a one-group flood queues behind.</summary>
    [Command("nap <ms:posint>", Description = "Sleeps, then answers")]
    public static async Task<string> Nap(int ms, CancellationToken cancellationToken)
    {
        await Task.Delay(ms, cancellationToken);
        return "rested";
    }
}
