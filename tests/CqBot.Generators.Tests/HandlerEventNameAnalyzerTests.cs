using System.Collections.Immutable;
using CqBot.Analyzers;
using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Generators.Tests;

public sealed class HandlerEventNameAnalyzerTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var compilation = CompilationFactory.Create(source);
        var analyzed = compilation.WithAnalyzers([new HandlerEventNameAnalyzer()]);
        var diagnostics = await analyzed.GetAllDiagnosticsAsync();
        return [.. diagnostics.Where(d => d.Id is "CQB2104" or "AD0001")];
    }

    [Fact]
    public async Task MisspelledNoticeTypeAndSubType_AreWarningsOnTheStringsWithSuggestions()
    {
        const string source = """
            using CqBot;
            public partial class Handlers
            {
                [OnNotice("group_increse")] public static void A() { }
                [OnNotice("notify", "pkoe")] public static void B() { }
            }
            """;

        var diagnostics = (await AnalyzeAsync(source)).OrderBy(d => d.Location.SourceSpan.Start).ToArray();

        Assert.Equal(["\"group_increse\"", "\"pkoe\""], diagnostics.Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("Did you mean 'group_increase'?", diagnostics[0].GetMessage());
        Assert.Contains("Did you mean 'poke'?", diagnostics[1].GetMessage());
    }

    [Fact]
    public async Task KnownTypesAndHandlersWithoutType_AreFine()
    {
        Assert.Empty(await AnalyzeAsync("""
            using CqBot;
            public partial class Handlers
            {
                [OnNotice("group_increase", "approve")] public static void A() { }
                [OnRequest("group", "invite")] public static void B() { }
                [OnMessage] public static void C() { }
                [OnMetaEvent("lifecycle", "connect")] public static void D() { }
            }
            """));
    }
}
