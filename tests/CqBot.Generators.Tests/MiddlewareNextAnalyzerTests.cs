using System.Collections.Immutable;
using CqBot.Analyzers;
using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Generators.Tests;

public sealed class MiddlewareNextAnalyzerTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string body)
    {
        var source = $$"""
            using System.Threading.Tasks;
            using CqBot;

            public static class Bot
            {
                public static void Configure(EventDispatcher dispatcher)
                {
                    {{body}}
                }
            }
            """;
        var compilation = CompilationFactory.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzed = compilation.WithAnalyzers([new MiddlewareNextAnalyzer()]);
        return await analyzed.GetAnalyzerDiagnosticsAsync();
    }

    private static string SpanText(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    [Fact]
    public async Task NextCalledAsStatement_ReportsCQB1001OnTheCall()
    {
        var diagnostics = await AnalyzeAsync("dispatcher.Use((session, next) => { next(); return new ValueTask<Message?>((Message?)null); });");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CQB1001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("next()", SpanText(diagnostic));
    }

    [Fact]
    public async Task NextAssignedToDiscard_ReportsCQB1001()
    {
        var diagnostics = await AnalyzeAsync("dispatcher.Use((session, next) => { _ = next(); return new ValueTask<Message?>(\"x\"); });");
        Assert.Equal("CQB1001", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task NextAwaitedButResultDropped_ReportsCQB1002()
    {
        var diagnostics = await AnalyzeAsync("dispatcher.Use(async (session, next) => { await next(); return null; });");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CQB1002", diagnostic.Id);
        Assert.Equal("next()", SpanText(diagnostic));
    }

    [Fact]
    public async Task NextAwaitedWithConfigureAwaitAndDropped_ReportsCQB1002()
    {
        var diagnostics = await AnalyzeAsync("dispatcher.Use(async (session, next) => { await next().ConfigureAwait(false); return null; });");
        Assert.Equal("CQB1002", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task NextInMethodGroupMiddleware_IsAnalyzedToo()
    {
        var diagnostics = await AnalyzeAsync("""
            dispatcher.Use(Handle);
                    static async ValueTask<Message?> Handle(Session session, Next next)
                    {
                        next();
                        return null;
                    }
            """);
        Assert.Equal("CQB1001", Assert.Single(diagnostics).Id);
    }

    [Theory]
    [InlineData("dispatcher.Use(async (session, next) => session.Content == \"ping\" ? \"pong\" : await next());")]
    [InlineData("dispatcher.Use((session, next) => next());")]
    [InlineData("dispatcher.Use(async (session, next) => { var reply = await next(); return reply; });")]
    [InlineData("dispatcher.Use(async (session, next) => { return await next().ConfigureAwait(false); });")]
    [InlineData("dispatcher.Use((session, next) => { var pending = next(); return pending; });")]
    public async Task NextReturned_ReportsNothing(string body) => Assert.Empty(await AnalyzeAsync(body));
}
