using System.Text.Json;

namespace CqBot.Tests.Events;

/// <summary>Every fixture listed in index.json parses to a modelled event of the type the index names.</summary>
public class EventFixtureIndexTests
{
    public static TheoryData<string, string> IndexedFixtures()
    {
        var data = new TheoryData<string, string>();
        using var index = JsonDocument.Parse(EventFixtures.Read("index.json"));
        foreach (var section in new[] { "files", "extensions" })
        {
            foreach (var entry in index.RootElement.GetProperty(section).EnumerateArray())
            {
                var type = entry.GetProperty("type").GetString()!;
                data.Add(entry.GetProperty("file").GetString()!, type);
                if (entry.TryGetProperty("also", out var also))
                {
                    data.Add(also.GetString()!, type);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(IndexedFixtures))]
    public void Parse_IndexedFixture_GivesAModelledEventOfTheIndexedType(string file, string indexedType)
    {
        var evt = EventParser.Parse(EventFixtures.Read(file));

        Assert.IsNotType<UnknownEvent>(evt);
        Assert.IsNotType<UnknownNotice>(evt);
        Assert.IsNotType<UnknownRequest>(evt);
        Assert.IsNotType<UnknownMetaEvent>(evt);
        // index.json names types as post_type.detail_type, plus .sub_type for notify extensions.
        Assert.StartsWith(indexedType, evt.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IndexedFixtures_EveryEventFileInTestData_IsListed()
    {
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in IndexedFixtures())
        {
            indexed.Add((string)row[0]);
        }
        var files = Directory.GetFiles(EventFixtures.Root, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(EventFixtures.Root, path).Replace('\\', '/'))
            .Where(name => name is not ("index.json" or "quick-operations.json"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(indexed.Count, files.Length);
        Assert.All(files, name => Assert.Contains(name, indexed));
    }
}
