using CqBot.Generators.Tests.Support;

namespace CqBot.Generators.Tests;

public sealed class GeneratedCodeVersionTests
{
    // The snapshots hold the version too: they stay equal while the build's Version does, and a release
    // that changes it shows up as a snapshot diff, since the generated source does change.
    [Fact]
    public void Emit_GeneratedCodeAttribute_NamesGeneratorAssemblyVersion()
    {
        var version = typeof(CommandGenerator).Assembly.GetName().Version!.ToString(3);
        var (result, _, _) = GeneratorRunner.Run(CommandGeneratorSnapshotTests.DiceSource);

        var text = string.Concat(result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()));

        Assert.Contains($"GeneratedCode(\"CqBot.Generators\", \"{version}\")", text, StringComparison.Ordinal);
    }
}
