using System.Collections.Immutable;
using CqBot.Analyzers;
using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Generators.Tests;

public sealed class AsyncVoidHandlerAnalyzerTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var compilation = CompilationFactory.Create(source);
        var analyzed = compilation.WithAnalyzers([new AsyncVoidHandlerAnalyzer()]);
        var diagnostics = await analyzed.GetAllDiagnosticsAsync();
        return [.. diagnostics.Where(d => d.Id is "CQB2016" or "AD0001")];
    }

    [Fact]
    public async Task AsyncVoidCommandAndNoticeHandler_AreErrorsOnTheReturnType()
    {
        const string source = """
            using System.Threading.Tasks;
            using CqBot;
            public partial class Fun
            {
                [Command("slow")] public static async void Slow() => await Task.Delay(1);
                [OnNotice("group_increase")] public static async void Welcome(GroupIncreaseNotice notice) => await Task.Delay(1);
            }
            """;

        var diagnostics = await AnalyzeAsync(source);

        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("CQB2016", d.Id));
        Assert.All(diagnostics, d => Assert.Equal("void", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
        Assert.Contains("'Slow' is an async void [Command] method", diagnostics.Select(d => d.GetMessage()).First(m => m.Contains("Slow", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AsyncTaskHandlersAndPlainAsyncVoidMethods_AreFine()
    {
        Assert.Empty(await AnalyzeAsync("""
            using System.Threading.Tasks;
            using CqBot;
            public partial class Fun
            {
                [Command("slow")] public static async Task Slow() => await Task.Delay(1);
                public static async void NotAHandler() => await Task.Delay(1);
            }
            """));
    }
}
