using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using CqBot.Hosting;
using CqBot.Testing;

namespace CqBot.Tests.Surface;

/// <summary>
/// The public types of each runtime library, compared with an approved list under
/// TestData/public-types/, so that making a type public is a deliberate decision. Set
/// CQBOT_UPDATE_SNAPSHOTS=1 to rewrite the lists after an intended change, then review the diff.
/// </summary>
public sealed class PublicTypesTests
{
    public static TheoryData<string> Libraries => ["CqBot", "CqBot.Hosting", "CqBot.Testing", "CqBot.Data.Sqlite", "CqBot.Data.PostgreSql"];

    [Theory]
    [MemberData(nameof(Libraries))]
    public void PublicTypes_OfLibrary_MatchApprovedList(string library)
    {
        var actual = string.Concat(PublicTypeNames(Load(library)).Select(static name => name + "\n"));
        var path = Path.Combine(ApprovedListDirectory(), library + ".txt");
        if (Environment.GetEnvironmentVariable("CQBOT_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"The approved list {path} is missing; run the tests with CQBOT_UPDATE_SNAPSHOTS=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void InfrastructureTypes_OfLibrary_AreHiddenFromCompletion(string library)
    {
        var infrastructure = Load(library).GetExportedTypes().Where(static type => type.Namespace?.EndsWith(".Infrastructure", StringComparison.Ordinal) == true);

        var visible = infrastructure
            .Where(static type => type.GetCustomAttribute<EditorBrowsableAttribute>() is not { State: EditorBrowsableState.Never })
            .Select(static type => type.FullName)
            .ToList();

        Assert.Empty(visible);
    }

    private static Assembly Load(string library) => library switch
    {
        "CqBot" => typeof(Session).Assembly,
        "CqBot.Hosting" => typeof(BotApplication).Assembly,
        "CqBot.Testing" => typeof(TestBot).Assembly,
        "CqBot.Data.Sqlite" => typeof(CqBot.Data.Sqlite.SqliteBotStore).Assembly,
        "CqBot.Data.PostgreSql" => typeof(CqBot.Data.PostgreSql.PostgreSqlBotStore).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(library), library, "Not a runtime library."),
    };

    private static List<string> PublicTypeNames(Assembly assembly) =>
        [.. assembly.GetExportedTypes().Select(static type => type.FullName!).Order(StringComparer.Ordinal)];

    private static string ApprovedListDirectory([CallerFilePath] string callerPath = "")
    {
        var directory = Path.GetDirectoryName(callerPath)!;
        while (!File.Exists(Path.Combine(directory, "CqBot.Tests.csproj")))
        {
            directory = Path.GetDirectoryName(directory)!;
        }
        return Path.Combine(directory, "TestData", "public-types");
    }
}
