namespace CqBot.Tests.Messaging;

/// <summary>
/// Every case of cqcode-cases.json, used as the file's test_usage says: 'both' parses and serializes,
/// 'parse' only parses, 'serialize' serializes and then parses the result into 'reparsed'.
/// </summary>
public sealed class CqCodeCasesTests
{
    public static TheoryData<string> ParseCases => CqCodeCases.Ids("both", "parse");

    public static TheoryData<string> SerializeCases => CqCodeCases.Ids("both", "serialize");

    public static TheoryData<string> ReparseCases => CqCodeCases.Ids("serialize");

    [Fact]
    public void Fixture_Loaded_HoldsEveryDeclaredCase()
    {
        Assert.Equal(CqCodeCases.DeclaredCount, CqCodeCases.All.Count);
        Assert.Equal(CqCodeCases.All.Count, ParseCases.Count + ReparseCases.Count);
    }

    [Theory]
    [MemberData(nameof(ParseCases))]
    public void FromCqCode_FixtureCase_ProducesExpectedSegments(string id)
    {
        var testCase = CqCodeCases.Get(id);

        var parsed = Message.FromCqCode(testCase.Cq);

        Assert.Equal(JsonMessages.Describe(testCase.Segments), JsonMessages.Describe(parsed));
        Assert.Equal(testCase.Segments, parsed);
    }

    [Theory]
    [MemberData(nameof(SerializeCases))]
    public void ToCqCode_FixtureCase_ProducesExpectedCqCode(string id)
    {
        var testCase = CqCodeCases.Get(id);

        var cq = testCase.Segments.ToCqCode();

        Assert.Equal(testCase.Cq, cq);
    }

    [Theory]
    [MemberData(nameof(ReparseCases))]
    public void FromCqCode_SerializedFixtureCase_ProducesReparsedSegments(string id)
    {
        var testCase = CqCodeCases.Get(id);

        var reparsed = Message.FromCqCode(testCase.Segments.ToCqCode());

        Assert.Equal(JsonMessages.Describe(testCase.Reparsed!), JsonMessages.Describe(reparsed));
        Assert.Equal(testCase.Reparsed, reparsed);
    }

    [Theory]
    [MemberData(nameof(ParseCases))]
    public void ArrayJson_FixtureCaseSegments_RoundTripsUnchanged(string id)
    {
        var segments = CqCodeCases.Get(id).Segments;

        var roundTripped = JsonMessages.Read(JsonMessages.Write(segments));

        Assert.Equal(segments, roundTripped);
    }
}
