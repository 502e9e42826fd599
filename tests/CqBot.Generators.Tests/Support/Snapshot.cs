using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators.Tests.Support;

/// <summary>
/// Golden files of generated source under Snapshots/. Set CQBOT_UPDATE_SNAPSHOTS=1 to rewrite them
/// after an intended change, then review the diff.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, GeneratorDriverRunResult result, [CallerFilePath] string callerPath = "")
    {
        var actual = Render(result);
        var directory = Path.Combine(FindTestsRoot(callerPath), "Snapshots");
        var path = Path.Combine(directory, name + ".verified.cs");
        if (Environment.GetEnvironmentVariable("CQBOT_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Snapshot {path} is missing; run the tests with CQBOT_UPDATE_SNAPSHOTS=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    private static string Render(GeneratorDriverRunResult result)
    {
        var builder = new StringBuilder();
        var sources = result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal);
        foreach (var source in sources)
        {
            builder.Append("//------ ").Append(source.HintName).Append('\n');
            builder.Append(source.SourceText.ToString().ReplaceLineEndings("\n"));
        }
        return builder.ToString();
    }

    private static string FindTestsRoot(string callerPath)
    {
        var directory = Path.GetDirectoryName(callerPath)!;
        while (!File.Exists(Path.Combine(directory, "CqBot.Generators.Tests.csproj")))
        {
            directory = Path.GetDirectoryName(directory)!;
        }
        return directory;
    }
}
