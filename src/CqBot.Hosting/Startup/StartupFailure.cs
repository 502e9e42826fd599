namespace CqBot.Hosting.Startup;

/// <summary>
/// Turns a <see cref="BotStartupException"/> that reaches the program's entry point unhandled into one
/// line on standard error and its exit code, instead of the runtime's crash report. Code that catches
/// the exception (a test, another host) sees an ordinary exception.
/// </summary>
internal static class StartupFailure
{
    private static int s_installed;

    public static void InstallHandler()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        }
    }

    private static void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e)
    {
        var exception = e.ExceptionObject as Exception;
        // Top-level statements with await wrap nothing, but a task's failure may arrive as an AggregateException.
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }
        if (exception is not BotStartupException startup)
        {
            return;
        }
        if (startup.IsError)
        {
            Console.Error.WriteLine("error: " + startup.Message.ReplaceLineEndings(" "));
        }
        Console.Error.Flush();
        Console.Out.Flush();
        Environment.Exit(startup.ExitCode);
    }
}
