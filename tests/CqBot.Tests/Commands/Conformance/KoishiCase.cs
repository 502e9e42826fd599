using System.Text.Json;

namespace CqBot.Tests.Commands.Conformance;

/// <summary>One case of commands.json (see shared/conformance/CASES.md for the format).</summary>
public sealed class KoishiCase(JsonElement json)
{
    private static readonly Lazy<List<KoishiCase>> s_all = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "commands.json")));
        return document.RootElement.EnumerateArray().Select(e => new KoishiCase(e.Clone())).ToList();
    });

    public JsonElement Json { get; } = json;

    public string Id => Json.GetProperty("id").GetString()!;

    public string Kind => Json.GetProperty("kind").GetString()!;

    public string Version => Json.GetProperty("version").GetString()!;

    public bool Quirk => Json.TryGetProperty("quirk", out var q) && q.GetBoolean();

    public bool IsElements => Json.TryGetProperty("category", out var c) && c.GetString() == "elements";

    public static IEnumerable<object[]> Ids(params string[] kinds) =>
        s_all.Value.Where(c => c.Version == "v4" && kinds.Contains(c.Kind)).Select(c => new object[] { c.Id });

    public static KoishiCase Get(string id) => s_all.Value.Single(c => c.Id == id);

    public override string ToString() => Id;
}
