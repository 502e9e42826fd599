using System.Collections.Immutable;
using CqBot.Analyzers;
using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Generators.Tests;

public sealed class BlockingCallAnalyzerTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var compilation = CompilationFactory.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzed = compilation.WithAnalyzers([new BlockingCallAnalyzer()]);
        var diagnostics = await analyzed.GetAllDiagnosticsAsync();
        return [.. diagnostics.Where(d => d.Id is "CQB2017" or "AD0001")];
    }

    [Fact]
    public async Task ResultWaitAndGetResultInHandlers_AreWarningsOnTheBlockingExpression()
    {
        const string source = """
            using System.Threading.Tasks;
            using CqBot;
            public partial class Slow
            {
                static Task<string> FetchAsync() => Task.FromResult("x");

                [Command("a")] public static string A() => FetchAsync().Result;
                [Command("b")] public static string B() { FetchAsync().Wait(); return "b"; }
                [OnNotice("group_increase")] public static string C(GroupIncreaseNotice notice) => FetchAsync().GetAwaiter().GetResult();
            }
            """;

        var diagnostics = await AnalyzeAsync(source);

        Assert.Equal(["FetchAsync().Result", "FetchAsync().Wait()", "FetchAsync().GetAwaiter().GetResult()"],
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task AwaitingHandlersAndBlockingOutsideHandlers_AreFine()
    {
        Assert.Empty(await AnalyzeAsync("""
            using System.Threading.Tasks;
            using CqBot;
            public partial class Fine
            {
                static Task<string> FetchAsync() => Task.FromResult("x");

                [Command("a")] public static async Task<string> A() => await FetchAsync();
                public static string NotAHandler() => FetchAsync().Result;
            }
            """));
    }
}
