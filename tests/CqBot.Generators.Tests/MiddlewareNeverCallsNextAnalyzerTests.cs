using System.Collections.Immutable;
using CqBot.Analyzers;
using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Generators.Tests;

public sealed class MiddlewareNeverCallsNextAnalyzerTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string members)
    {
        var source = $$"""
            using System.Threading.Tasks;
            using CqBot;

            public static partial class Bot
            {
                {{members}}
            }
            """;
        var compilation = CompilationFactory.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers([new MiddlewareNeverCallsNextAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    private static string SpanText(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    [Fact]
    public async Task LambdaReturningNullWithoutNext_ReportsCQB1003OnTheNextParameter()
    {
        var diagnostics = await AnalyzeAsync("""
            public static void Configure(EventDispatcher dispatcher) =>
                dispatcher.Use(async (session, next) => session.Content == "ping" ? "pong" : null);
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("CQB1003", DiagnosticSeverity.Info, "next"), (diagnostic.Id, diagnostic.Severity, SpanText(diagnostic)));
    }

    [Fact]
    public async Task SyncLambdaReturningDefault_IsReported()
    {
        var diagnostics = await AnalyzeAsync("""
            public static void Configure(EventDispatcher dispatcher) =>
                dispatcher.Use((session, next) => { System.Console.WriteLine(session.Content); return default; });
            """);

        Assert.Equal("CQB1003", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task MiddlewareMethodReturningNullWithoutNext_IsReported()
    {
        var diagnostics = await AnalyzeAsync("""
            [Middleware]
            public static ValueTask<Message?> Log(Session session, Next next) => new ValueTask<Message?>((Message?)null);
            """);

        Assert.Equal("next", SpanText(Assert.Single(diagnostics)));
    }

    [Theory]
    [InlineData("dispatcher.Use(async (session, next) => session.Content == \"ping\" ? \"pong\" : await next());")]
    [InlineData("dispatcher.Use((session, next) => next());")]
    [InlineData("dispatcher.Use((session, next) => new ValueTask<Message?>(\"always\"));")]
    public async Task CallsNextOrAlwaysAnswers_IsNotReported(string statement)
    {
        var diagnostics = await AnalyzeAsync($$"""
            public static void Configure(EventDispatcher dispatcher)
            {
                {{statement}}
            }
            """);

        Assert.Empty(diagnostics);
    }
}
