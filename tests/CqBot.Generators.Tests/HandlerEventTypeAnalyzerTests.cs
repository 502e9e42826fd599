using System.Collections.Immutable;
using CqBot.Analyzers;
using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Generators.Tests;

public sealed class HandlerEventTypeAnalyzerTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var compilation = CompilationFactory.Create(source);
        var analyzed = compilation.WithAnalyzers([new HandlerEventTypeAnalyzer()]);
        var diagnostics = await analyzed.GetAllDiagnosticsAsync();
        return [.. diagnostics.Where(d => d.Id is "CQB2103" or "AD0001")];
    }

    [Fact]
    public async Task RequestHandlerTakingANotice_IsAnErrorOnTheParameter()
    {
        const string source = """
            using CqBot;
            public partial class Handlers
            {
                [OnRequest("friend")] public static string Welcome(GroupIncreaseNotice notice) => "hi";
            }
            """;

        var diagnostic = Assert.Single(await AnalyzeAsync(source));

        Assert.Equal("CQB2103", diagnostic.Id);
        Assert.Equal("notice", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("takes a GroupIncreaseNotice, which is not a RequestEvent", diagnostic.GetMessage());
    }

    [Fact]
    public async Task HandlersTakingTheirKindABaseOrTheSession_AreFine()
    {
        Assert.Empty(await AnalyzeAsync("""
            using CqBot;
            public partial class Handlers
            {
                [OnNotice("group_increase")] public static string A(GroupIncreaseNotice notice) => "hi";
                [OnNotice] public static void B(NoticeEvent notice, Session session) { }
                [OnRequest] public static void C(Event any) { }
                [OnMessage("group")] public static void D(GroupMessageEvent message, IBot bot) { }
            }
            """));
    }
}
