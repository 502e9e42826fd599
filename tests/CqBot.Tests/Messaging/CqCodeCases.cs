using System.Text.Json;

namespace CqBot.Tests.Messaging;

/// <summary>
/// The cases of TestData/cqcode-cases.json (copied from shared/onebot11), loaded from the test output folder.
/// Expected segments are read through <see cref="MessageJsonConverter"/>, so the array form of every case is
/// exercised too.
/// </summary>
internal static class CqCodeCases
{
    private static readonly Lazy<Fixture> Loaded = new(Load);

    public static int DeclaredCount => Loaded.Value.DeclaredCount;

    public static IReadOnlyDictionary<string, CqCodeCase> All => Loaded.Value.Cases;

    public static CqCodeCase Get(string id) => All[id];

    public static TheoryData<string> Ids(params string[] directions)
    {
        var data = new TheoryData<string>();
        foreach (var testCase in All.Values)
        {
            if (Array.IndexOf(directions, testCase.Direction) >= 0)
            {
                data.Add(testCase.Id);
            }
        }

        return data;
    }

    private static Fixture Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "cqcode-cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var cases = new Dictionary<string, CqCodeCase>(StringComparer.Ordinal);
        foreach (var element in root.GetProperty("cases").EnumerateArray())
        {
            var id = element.GetProperty("id").GetString()!;
            var reparsed = element.TryGetProperty("reparsed", out var reparsedElement) ? JsonMessages.Read(reparsedElement.GetRawText()) : null;
            cases.Add(id, new CqCodeCase(
                id,
                element.GetProperty("direction").GetString()!,
                element.GetProperty("cq").GetString()!,
                JsonMessages.Read(element.GetProperty("segments").GetRawText()),
                reparsed));
        }

        return new Fixture(root.GetProperty("case_count").GetInt32(), cases);
    }

    private sealed record Fixture(int DeclaredCount, Dictionary<string, CqCodeCase> Cases);
}

internal sealed record CqCodeCase(string Id, string Direction, string Cq, Message Segments, Message? Reparsed);
