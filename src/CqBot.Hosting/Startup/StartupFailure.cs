using System.Diagnostics.CodeAnalysis;

namespace CqBot.Hosting.Startup;

/// <summary>
/// Ends the process when the bot cannot start: one line on standard error that names the problem,
/// no stack trace. Exit code 2 for a bad setting, 1 for anything else that stops start-up.
/// </summary>
internal static class StartupFailure
{
    public const int BadSetting = 2;
    public const int CannotStart = 1;

    [DoesNotReturn]
    public static void Exit(string message, int exitCode)
    {
        Console.Error.WriteLine("error: " + message.ReplaceLineEndings(" "));
        Console.Error.Flush();
        Environment.Exit(exitCode);
        throw new InvalidOperationException(message);
    }
}
