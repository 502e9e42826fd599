using System.Diagnostics;

namespace DiceBot.Tests;

/// <summary>
/// The <c>sandbox</c> verb, run as the dice sample's own process: scripted through redirected standard
/// input, and typed into a real terminal (tmux) for line editing and history.
/// <c>CQBOT_DICEBOT_BINARY</c> names the program to run (the Native AOT binary in CI).
/// </summary>
public sealed class SandboxProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PipedLines_AreChattedWithTheBot()
    {
        var (exitCode, stdout, stderr) = await RunPipedAsync("roll 2d6\n:group 20002\nping\n[CQ:at,qq=10001000] whois [CQ:at,qq=10001]\n:quit\n");

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{stdout}\n{stderr}");
        Assert.Matches(@"(?m)^\[private\] 10001> roll 2d6\r?$", stdout);
        Assert.Matches(@"(?m)^bot> 2d6 = (\d+) \(\d \+ \d\)\r?$", stdout);
        Assert.Contains("Now in group 20002.", stdout);
        Assert.Matches(@"(?m)^\[group 20002\] 10001> ping\r?$", stdout);
        Assert.Matches(@"(?m)^bot> pong\r?$", stdout);
        // A call that asks for data is shown and answered with a made-up user.
        Assert.Contains("· get_stranger_info {\"user_id\":10001}", stdout);
        Assert.Contains("bot> user10001 (10001)", stdout);
        Assert.EndsWith("bye", stdout.TrimEnd());
    }

    [Fact]
    public async Task EndOfInput_EndsTheSession_AndNothingIsStoredOnDisk()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("cqbot-sandbox-").FullName;
        try
        {
            var (exitCode, stdout, _) = await RunPipedAsync("roll d20\n", workingDirectory);

            Assert.Equal(0, exitCode);
            Assert.Matches(@"(?m)^bot> 1d20 = \d+", stdout);
            // The memory store, not data/cqbot.db.
            Assert.Empty(Directory.GetFileSystemEntries(workingDirectory));
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Help_ListsTheSandboxVerb()
    {
        var (exitCode, stdout, _) = await RunPipedAsync("", arguments: "--help");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"(?m)^\s+sandbox\s+Chat with the bot", stdout);
    }

    [SkippableFact]
    public async Task Terminal_RepliesShow_AndUpRecallsTheLastLine()
    {
        var tmux = FindOnPath("tmux");
        if (tmux is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "tmux is missing; CI must install it (.ci/run does).");
            Skip.If(true, "tmux is not installed.");
        }
        // A server of its own, on a socket the test removes.
        var socket = Path.Combine(Path.GetTempPath(), "cqbot-sandbox-" + Guid.NewGuid().ToString("N"));
        var workingDirectory = Directory.CreateTempSubdirectory("cqbot-sandbox-").FullName;
        try
        {
            await RunToolAsync(tmux!, "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", "sandbox", "-x", "120", "-y", "40",
                "-c", workingDirectory, ShellCommand("sandbox"));
            // The pane stays when the program ends, so its last words can be read.
            await RunToolAsync(tmux!, "-S", socket, "set-option", "-w", "-t", "sandbox", "remain-on-exit", "on");
            await WaitForPaneAsync(tmux!, socket, pane => pane.Contains("Type a message"), "the greeting");

            await RunToolAsync(tmux!, "-S", socket, "send-keys", "-t", "sandbox", "roll 2d6", "Enter");
            var pane = await WaitForPaneAsync(tmux!, socket, pane => Count(pane, "bot> 2d6 = ") == 1, "the roll");
            Assert.Contains("[private] 10001> roll 2d6", pane);

            // Up brings the line back onto the prompt; Enter sends it again.
            await RunToolAsync(tmux!, "-S", socket, "send-keys", "-t", "sandbox", "Up");
            await WaitForPaneAsync(tmux!, socket, pane => LastLine(pane) == "[private] 10001> roll 2d6", "the recalled line");
            await RunToolAsync(tmux!, "-S", socket, "send-keys", "-t", "sandbox", "Enter");
            await WaitForPaneAsync(tmux!, socket, pane => Count(pane, "bot> 2d6 = ") == 2, "the second roll");

            // Editing in the middle of the line: "pig", Left, Backspace, "in" makes "ping".
            await RunToolAsync(tmux!, "-S", socket, "send-keys", "-t", "sandbox", "pig", "Left", "BSpace", "in", "End", "Enter");
            await WaitForPaneAsync(tmux!, socket, pane => pane.Contains("bot> pong"), "pong");

            await RunToolAsync(tmux!, "-S", socket, "send-keys", "-t", "sandbox", "C-d");
            await WaitForPaneAsync(tmux!, socket, pane => pane.Contains("bye"), "the goodbye");
        }
        finally
        {
            await RunToolAsync(tmux!, "-S", socket, "kill-server").ContinueWith(static _ => { }, TaskScheduler.Default);
            File.Delete(socket);
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static string LastLine(string pane) => pane.TrimEnd().Split('\n')[^1].TrimEnd();

    private static async Task<string> WaitForPaneAsync(string tmux, string socket, Func<string, bool> done, string what)
    {
        var pane = "";
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < Timeout)
        {
            pane = (await RunToolAsync(tmux, "-S", socket, "capture-pane", "-p", "-t", "sandbox")).Replace("\r", "", StringComparison.Ordinal);
            if (done(pane))
            {
                return pane;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The terminal did not show {what} in time; it shows:\n{pane}");
    }

    // The sandbox as the pane's program: the Native AOT binary when named, otherwise the managed build.
    private static string ShellCommand(string arguments)
    {
        var binary = Environment.GetEnvironmentVariable("CQBOT_DICEBOT_BINARY");
        return string.IsNullOrEmpty(binary)
            ? $"exec dotnet '{Path.Combine(AppContext.BaseDirectory, "DiceBot.dll")}' {arguments}"
            : $"exec '{binary}' {arguments}";
    }

    private static string? FindOnPath(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                return path;
            }
        }
        return null;
    }

    private static async Task<string> RunToolAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        }
        return await stdout;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunPipedAsync(string input, string? workingDirectory = null, string arguments = "sandbox")
    {
        var binary = Environment.GetEnvironmentVariable("CQBOT_DICEBOT_BINARY");
        var start = string.IsNullOrEmpty(binary)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "DiceBot.dll") } }
            : new ProcessStartInfo(binary);
        start.ArgumentList.Add(arguments);
        var ownDirectory = workingDirectory is null;
        workingDirectory ??= Directory.CreateTempSubdirectory("cqbot-sandbox-").FullName;
        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (ownDirectory)
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
