using System.Diagnostics;
using System.Globalization;

namespace CqBot.Packaging.Tests;

/// <summary>
/// The packages in a local feed and a bot that references them as an author would: one
/// PackageReference to CqBot, and a nuget.config with only the feed and the machine's own sources.
/// Made once for the test class, on first use.
/// </summary>
public sealed class PackedBot : IDisposable
{
    private readonly Lazy<Task> _ready;
    private List<string> _sources = [];
    private string _machinePackages = "";

    public PackedBot()
    {
        Root = Directory.CreateTempSubdirectory("cqbot-packaging-").FullName;
        _ready = new Lazy<Task>(PrepareAsync);
    }

    /// <summary>A version no packages folder has seen, so nothing stale is restored.</summary>
    public string Version { get; } = string.Create(CultureInfo.InvariantCulture, $"0.0.0-packaging.{DateTime.UtcNow:yyyyMMddHHmmssfff}");

    public string Root { get; }

    public string Feed => Path.Combine(Root, "feed");

    public string Project => Path.Combine(Root, "EchoBot");

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "packaging", "packages.slnf")))
                {
                    return directory.FullName;
                }
            }
            throw new InvalidOperationException("The repository root (with packaging/packages.slnf) is not above the test's output folder.");
        }
    }

    public Task EnsureReadyAsync() => _ready.Value;

    private async Task PrepareAsync()
    {
        await Dotnet.RunAsync(RepositoryRoot, "pack", Path.Combine("packaging", "packages.slnf"), "-c", "Release", "-o", Feed,
            "-p:PackageVersion=" + Version, "--disable-build-servers");

        // The machine's own package sources and packages folder, read before the bot's nuget.config exists.
        _sources = (await Dotnet.RunAsync(Root, "nuget", "list", "source", "--format", "short"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .ToList();
        Assert.NotEmpty(_sources);
        _machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? "";
        if (string.IsNullOrEmpty(_machinePackages))
        {
            var locals = await Dotnet.RunAsync(Root, "nuget", "locals", "global-packages", "--list");
            _machinePackages = locals[(locals.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }

        Directory.CreateDirectory(Project);
        await WriteNuGetConfigAsync(Project);
        await File.WriteAllTextAsync(Path.Combine(Project, "EchoBot.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <InvariantGlobalization>true</InvariantGlobalization>
                <PublishAot>true</PublishAot>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CqBot" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(Project, "Program.cs"), """
            using CqBot;
            using CqBot.Hosting;

            BotApplication.CreateBuilder(args).Build().Run();

            public partial class Echo
            {
                [Command("echo <text:text>", Description = "Says the text back")]
                public static string Say(string text) => text;

                [Command("gen0", Description = "The collector's cap on its youngest generation")]
                public static string Gen0() =>
                    GC.GetConfigurationVariables().TryGetValue("GCGen0MaxBudget", out var budget) ? budget.ToString() ?? "" : "none";
            }
            """);
    }

    /// <summary>
    /// Writes a nuget.config into <paramref name="directory"/>: the local feed and the machine's own
    /// sources only, the packages going to a folder of their own; what the machine already has is
    /// read from its folder rather than downloaded again.
    /// </summary>
    public Task WriteNuGetConfigAsync(string directory)
    {
        var sourceLines = string.Concat(_sources.Select((source, i) => $"""
                <add key="source{i}" value="{source}" />

            """));
        return File.WriteAllTextAsync(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <fallbackPackageFolders>
                <clear />
                <add key="machine" value="{_machinePackages}" />
              </fallbackPackageFolders>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
            {sourceLines}  </packageSources>
            </configuration>
            """);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
