namespace TourBot.Tests;

/// <summary>The README's tour shows this bot: each of its C# blocks must be in the bot's or its tests' files.</summary>
public class ReadmeTourTests
{
    [Fact]
    public void EveryCSharpBlockOfTheTour_IsTakenFromTheTourBot()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var start = readme.IndexOf("\n## A five-minute tour", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## A five-minute tour' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var tour = readme[start..(end < 0 ? readme.Length : end)];
        var sources = Directory.GetFiles(Path.Combine(root, "samples", "TourBot"), "*.cs")
            .Concat(Directory.GetFiles(Path.Combine(root, "tests", "TourBot.Tests"), "*.cs"))
            .Select(path => (Path: path, Text: Normalize(File.ReadAllText(path))))
            .ToList();

        var blocks = CSharpBlocks(tour).ToList();

        Assert.True(blocks.Count >= 5, $"the tour has {blocks.Count} C# blocks");
        foreach (var block in blocks)
        {
            var normalized = Normalize(block);
            Assert.True(sources.Any(source => source.Text.Contains(normalized, StringComparison.Ordinal)), "This block of the tour is in no file of samples/TourBot or tests/TourBot.Tests:\n" + block);
        }
    }

    private static IEnumerable<string> CSharpBlocks(string markdown)
    {
        const string Fence = "```csharp\n";
        var at = 0;
        while ((at = markdown.IndexOf(Fence, at, StringComparison.Ordinal)) >= 0)
        {
            var body = at + Fence.Length;
            var close = markdown.IndexOf("\n```", body, StringComparison.Ordinal);
            yield return markdown[body..close];
            at = close + 4;
        }
    }

    // Indentation and line endings aside, the text must match.
    private static string Normalize(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "README.md")) && Directory.Exists(Path.Combine(directory.FullName, "samples", "TourBot")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("The repository root (README.md beside samples/TourBot) is not above " + AppContext.BaseDirectory);
    }
}
