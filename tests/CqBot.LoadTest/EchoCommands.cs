namespace CqBot.LoadTest;

/// <summary>The command the load run drives: it answers with its argument.</summary>
public partial class EchoCommands
{
    /// <summary>Echoes the text back.</summary>
    [Command("echo <text:text>", Description = "Echoes the text")]
    public static string Echo(string text) => text;
}
