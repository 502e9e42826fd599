using System.IO.Compression;
using CqBot.Testing;

namespace CqBot.Packaging.Tests;

/// <summary>
/// CqBot as a bot author gets it: packed into a local feed, referenced by one PackageReference,
/// built, published as Native AOT, and driven over a reverse WebSocket by the fake OneBot client.
/// </summary>
public sealed class PackageTests(PackedBot packed) : IClassFixture<PackedBot>
{
    private const long SelfId = 10001000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [PackagingFact]
    public async Task Pack_MakesEachPackage_WithTheCompilerComponentsAsAnalyzers()
    {
        await packed.EnsureReadyAsync();

        var packages = Directory.GetFiles(packed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var expected = new[] { "CqBot", "CqBot.Core", "CqBot.Data.PostgreSql", "CqBot.Data.Sqlite", "CqBot.Testing" }
            .SelectMany(id => new[] { $"{id}.{packed.Version}.nupkg", $"{id}.{packed.Version}.snupkg" })
            .Append($"CqBot.Templates.{packed.Version}.nupkg")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, packages);

        using var cqbot = ZipFile.OpenRead(Path.Combine(packed.Feed, $"CqBot.{packed.Version}.nupkg"));
        var entries = cqbot.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("lib/net10.0/CqBot.Hosting.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/CqBot.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/CqBot.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/CqBot.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/CqBot.props", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal) && entry.Contains("CqBot.Generators", StringComparison.Ordinal));
        using var nuspec = new StreamReader(cqbot.GetEntry("CqBot.nuspec")!.Open());
        var metadata = await nuspec.ReadToEndAsync();
        Assert.Contains("""<license type="expression">MIT</license>""", metadata);
        Assert.Contains($"""<dependency id="CqBot.Core" version="{packed.Version}" """, metadata);
        Assert.Contains($"""<dependency id="CqBot.Data.Sqlite" version="{packed.Version}" """, metadata);
    }

    [PackagingFact]
    public async Task BotReferencingThePackage_Builds_AndItsCommandAnswers()
    {
        await packed.EnsureReadyAsync();
        var output = await Dotnet.RunAsync(packed.Project, "build", "-c", "Release", "--disable-build-servers");
        Assert.DoesNotContain(": warning ", output, StringComparison.Ordinal);

        await using var bot = await BotProcess.StartAsync("dotnet", Path.Combine(packed.Project, "bin", "Release", "net10.0", "EchoBot.dll"));
        await AssertEchoesAsync(bot);
        await AssertGen0CappedAsync(bot);
    }

    [PackagingFact]
    public async Task BotReferencingThePackage_PublishesAsNativeAot_BinaryAloneAndAnswering()
    {
        await packed.EnsureReadyAsync();
        var publish = Path.Combine(packed.Root, "publish");
        var output = await Dotnet.RunAsync(packed.Project, "publish", "-c", "Release", "-r", "linux-x64", "-o", publish, "--disable-build-servers");
        Assert.DoesNotContain(": warning ", output, StringComparison.Ordinal);

        // No .pdb, .xml or .dbg, and SQLite linked in: the program alone.
        var files = Directory.GetFileSystemEntries(publish).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["EchoBot"], files);

        await using var bot = await BotProcess.StartAsync(Path.Combine(publish, "EchoBot"));
        await AssertEchoesAsync(bot);
        await AssertGen0CappedAsync(bot);
    }

    [PackagingFact]
    public async Task Template_MakesABotWhoseTestsPass_AndWhoseNativeBinaryAnswers()
    {
        await packed.EnsureReadyAsync();
        // The template is installed into a hive of its own, leaving the machine's templates alone.
        var hive = Path.Combine(packed.Root, "template-hive");
        var solution = Path.Combine(packed.Root, "from-template");
        Directory.CreateDirectory(solution);
        await packed.WriteNuGetConfigAsync(solution);
        await Dotnet.RunAsync(packed.Root, "new", "install", Path.Combine(packed.Feed, $"CqBot.Templates.{packed.Version}.nupkg"), "--debug:custom-hive", hive);
        await Dotnet.RunAsync(packed.Root, "new", "cqbot", "-n", "MyBot", "-o", solution, "--debug:custom-hive", hive);

        var project = await File.ReadAllTextAsync(Path.Combine(solution, "MyBot", "MyBot.csproj"));
        Assert.Contains($"""<PackageReference Include="CqBot" Version="{packed.Version}" />""", project);
        Assert.True(File.Exists(Path.Combine(solution, "MyBot.Tests", "MyBot.Tests.csproj")));

        var test = await Dotnet.RunAsync(solution, "test", "--disable-build-servers");
        Assert.Matches(@"Passed!.*Failed: +0, Passed: +2,", test);
        // As its README says: one native binary, published without a warning.
        var publish = Path.Combine(packed.Root, "from-template-publish");
        var output = await Dotnet.RunAsync(solution, "publish", Path.Combine("MyBot", "MyBot.csproj"), "-c", "Release", "-r", "linux-x64", "-o", publish, "--disable-build-servers");
        Assert.DoesNotContain(": warning ", output, StringComparison.Ordinal);
        var files = Directory.GetFileSystemEntries(publish).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["MyBot"], files);

        await using var bot = await BotProcess.StartAsync(Path.Combine(publish, "MyBot"));
        await AssertEchoesAsync(bot);
    }

    private static async Task AssertEchoesAsync(BotProcess bot)
    {
        await using var client = await FakeOneBotClient.ConnectAsync(bot.Universal, SelfId);
        await client.SendEventAsync(FakeEvents.PrivateMessage(SelfId, 4242, "echo 你好, packages"));

        var call = await client.NextCallAsync(Timeout);
        await client.RespondOkAsync(call);
        Assert.Equal(4242, call.GetInt64("user_id"));
        Assert.Equal("你好, packages", call.MessageText);
    }

    // The package's build settings reach the runtime: the collector's youngest generation is capped.
    private static async Task AssertGen0CappedAsync(BotProcess bot)
    {
        await using var client = await FakeOneBotClient.ConnectAsync(bot.Universal, SelfId);
        await client.SendEventAsync(FakeEvents.PrivateMessage(SelfId, 4242, "gen0"));

        var call = await client.NextCallAsync(Timeout);
        await client.RespondOkAsync(call);
        Assert.Equal("16777216", call.MessageText);
    }
}
