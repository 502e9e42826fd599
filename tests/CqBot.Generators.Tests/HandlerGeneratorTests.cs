using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators.Tests;

public sealed class HandlerGeneratorTests
{
    internal const string HandlersSource = """
        using System.Threading;
        using System.Threading.Tasks;
        using CqBot;

        namespace Sample;

        public interface IGreeter { string Greet(long userId); }

        public partial class Handlers(IGreeter greeter)
        {
            [OnNotice("group_increase")]
            public string Welcome(GroupIncreaseNotice notice) => greeter.Greet(notice.UserId);

            [OnRequest("friend", Priority = -1, Block = true)]
            public static QuickOperation Approve(FriendRequest request) => QuickOperation.Approved();

            [OnNotice("notify", "poke")]
            [OnNotice("friend_recall")]
            public static async Task<Message> Multi(Session session, IBot bot, CancellationToken cancellationToken) { await Task.Yield(); return "x"; }

            [OnMetaEvent("heartbeat")]
            public static void Beat() { }

            [Middleware(Prepend = true)]
            public static ValueTask<Message?> First(Session session, Next next) => next();

            [Middleware]
            public Task<Message?> Second(Session session, Next next) => next().AsTask();
        }
        """;

    [Fact]
    public void Generate_Handlers_MatchesSnapshot()
    {
        var (result, _, _) = GeneratorRunner.Run(HandlersSource);
        Snapshot.Match("Handlers", result);
    }

    [Fact]
    public void Generate_Handlers_CompilesWithoutWarnings()
    {
        var (_, output, diagnostics) = GeneratorRunner.Run(HandlersSource);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void HandlerWithUnsupportedReturn_ReportsCQB2101OnTheMethod()
    {
        var source = "public partial class H { [CqBot.OnNotice] public static int Bad() => 1; }";
        var (_, _, diagnostics) = GeneratorRunner.Run(source);
        var d = Assert.Single(diagnostics);
        Assert.Equal("CQB2101", d.Id);
        Assert.Equal("Bad", source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
    }

    [Fact]
    public void MiddlewareWithWrongSignature_ReportsCQB2102()
    {
        var source = "public partial class H { [CqBot.Middleware] public static void Bad(CqBot.Session session) { } }";
        var (_, _, diagnostics) = GeneratorRunner.Run(source);
        Assert.Equal("CQB2102", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Rerun_MethodBodyEdited_HandlerTableUnchanged()
    {
        var compilation = CompilationFactory.Create(HandlersSource);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees[0];
        var text = tree.GetText().ToString().Replace("QuickOperation.Approved()", "QuickOperation.Approved(\"hi\")", StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
        var result = driver.RunGenerators(edited).GetRunResult();
        var reasons = result.Results[1].TrackedSteps[TrackingNames.AllHandlers].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));
    }
}
