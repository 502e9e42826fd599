using System.Diagnostics;

namespace DiceBot.Tests;

/// <summary>Starts the dice sample with bad or informational arguments and reads what it prints.</summary>
public sealed class StartupProcessTests
{
    [Fact]
    public async Task BadApiRoot_StopsWithOneLineAndExitCode2()
    {
        var (exitCode, stdout, stderr) = await RunAsync("--api-root", "not a url");

        Assert.Equal(2, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("CqBot:ApiRoot", lines[0]);
        Assert.DoesNotContain("   at ", stderr + stdout);
    }

    [Fact]
    public async Task UnknownOption_StopsWithOneLineAndExitCode2()
    {
        var (exitCode, _, stderr) = await RunAsync("--acess-token", "x");

        Assert.Equal(2, exitCode);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--acess-token", stderr);
    }

    [Fact]
    public async Task Help_ListsOptionsAndExitsZero()
    {
        var (exitCode, stdout, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--access-token", stdout);
        Assert.Contains("--api-root", stdout);
        Assert.Contains("--urls", stdout);
    }

    [Fact]
    public async Task BadPluginSetting_StopsWithOneLineNamingItAndExitCode2()
    {
        var (exitCode, stdout, stderr) = await RunAsync(new Dictionary<string, string> { ["CQBOT_PLUGINS__FORTUNE__SEED"] = "lucky" }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("CqBot:Plugins:fortune:Seed", line, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lucky", line);
        Assert.DoesNotContain("   at ", stderr + stdout);
    }

    [Fact]
    public async Task PluginSettingRefusedByItsValidation_StopsWithOneLineAndExitCode2()
    {
        var (exitCode, _, stderr) = await RunAsync(new Dictionary<string, string> { ["CQBOT_PLUGINS__FORTUNE__FORTUNES__0"] = " " }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("fortune", line);
        Assert.Contains("Fortunes", line);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        var binary = Environment.GetEnvironmentVariable("CQBOT_DICEBOT_BINARY");
        var start = string.IsNullOrEmpty(binary)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "DiceBot.dll") } }
            : new ProcessStartInfo(binary);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        // A bot that starts creates its SQLite file under the working folder: keep it out of the test output.
        var workingDirectory = Directory.CreateTempSubdirectory("cqbot-startup-").FullName;
        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        Directory.Delete(workingDirectory, recursive: true);
        return (process.ExitCode, await stdout, await stderr);
    }
}
