using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CqBot.Generators.Tests;

public sealed class ActionGeneratorTests
{
    public const string NapCatSource = """
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using CqBot;

        namespace NapCat;

        public enum PokeTarget { Friend, [JsonStringEnumMemberName("group")] GroupChat }

        public sealed record ImageKey
        {
            public required string Rkey { get; init; }
            public long Ttl { get; set; }
            public PokeTarget? Target { get; init; }
            public IReadOnlyList<long> Owners { get; init; } = [];
            public ImageKey? Next { get; init; }
            public MessageSender? Sender { get; init; }
        }

        public static partial class NapCatActions
        {
            [OneBotAction("set_msg_emoji_like")]
            public static partial Task SetMessageEmojiLikeAsync(this IBot bot, long messageId, string emojiId, bool set = true, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

            [OneBotAction("send_poke", SendsMessage = true)]
            public static partial ValueTask SendPokeAsync(this IBot bot, PokeTarget target, long? groupId = null, [Parameter("user_id")] long user = 0, int? times = null);

            [OneBotAction("get_rkey")]
            public static partial ValueTask<IReadOnlyList<ImageKey>> GetImageKeysAsync(this IBot bot, long[]? ids = null, IReadOnlyList<string>? names = null, Message? note = null, CancellationToken cancellationToken = default);

            [OneBotAction("get_online_flag")]
            public static partial Task<bool> IsOnlineAsync(this IBot bot, JsonElement? extra = null);
        }
        """;

    private static GeneratorRunResult ActionRun(GeneratorDriverRunResult result) =>
        result.Results.Single(run => run.Generator.GetGeneratorType() == typeof(ActionGenerator));

    [Fact]
    public void Generate_Declarations_MatchesSnapshot()
    {
        var (result, _, _) = GeneratorRunner.Run(NapCatSource);
        Snapshot.Match("Actions", result);
    }

    [Fact]
    public void Generate_Declarations_CompilesWithoutWarnings()
    {
        var (_, output, diagnostics) = GeneratorRunner.Run(NapCatSource);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.GetTypeByMetadataName("NapCat.NapCatActions+SetMessageEmojiLikeRequest"));
        Assert.NotNull(output.GetTypeByMetadataName("NapCat.NapCatActions+GetImageKeysRequest"));
    }

    [Fact]
    public void Generate_ActionWithoutDeclarations_EmitsNothing()
    {
        var (result, _, _) = GeneratorRunner.Run("public static class Plain { public static int Twice(int x) => x * 2; }");
        Assert.Empty(ActionRun(result).GeneratedSources);
    }

    [Theory]
    [InlineData("public static partial Task NotExtensionAsync(IBot bot);", "NotExtensionAsync")]
    [InlineData("public static partial Task WrongReceiverAsync(this string text);", "WrongReceiverAsync")]
    [InlineData("public static partial Task GenericAsync<T>(this IBot bot);", "GenericAsync")]
    public void ActionMethodOfTheWrongShape_ReportsCqb2301OnTheName(string declaration, string name)
    {
        var source = "using System.Threading.Tasks; using CqBot; public static partial class A { [OneBotAction(\"x\")] " + declaration + " }";
        var diagnostic = Assert.Single(GeneratorRunner.Run(source).Diagnostics);
        Assert.Equal("CQB2301", diagnostic.Id);
        Assert.Equal(name, Text(source, diagnostic));
    }

    [Fact]
    public void ActionInAClassThatIsNotPartial_ReportsCqb2301()
    {
        var source = "using System.Threading.Tasks; using CqBot; public static class A { [OneBotAction(\"x\")] public static partial Task XAsync(this IBot bot); }";
        var diagnostic = Assert.Single(GeneratorRunner.Run(source).Diagnostics);
        Assert.Equal("CQB2301", diagnostic.Id);
        Assert.Equal("XAsync", Text(source, diagnostic));
    }

    [Fact]
    public void UnsupportedParameterType_ReportsCqb2302OnTheParameterNamingTheType()
    {
        var source = "using System; using System.Threading.Tasks; using CqBot; public static partial class A { [OneBotAction(\"x\")] public static partial Task XAsync(this IBot bot, long id, Uri address); }";
        var diagnostic = Assert.Single(GeneratorRunner.Run(source).Diagnostics);
        Assert.Equal("CQB2302", diagnostic.Id);
        Assert.Equal("Uri address", Text(source, diagnostic));
        Assert.Contains("'System.Uri'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedReturnType_ReportsCqb2303OnTheReturnType()
    {
        var source = "using System.Threading.Tasks; using CqBot; public static partial class A { [OneBotAction(\"x\")] public static partial Task<System.IO.Stream> XAsync(this IBot bot); }";
        var diagnostic = Assert.Single(GeneratorRunner.Run(source).Diagnostics);
        Assert.Equal("CQB2303", diagnostic.Id);
        Assert.Equal("Task<System.IO.Stream>", Text(source, diagnostic));
    }

    [Fact]
    public void SynchronousReturnType_ReportsCqb2303()
    {
        var source = "using CqBot; public static partial class A { [OneBotAction(\"x\")] public static partial long X(this IBot bot); }";
        var diagnostic = Assert.Single(GeneratorRunner.Run(source).Diagnostics);
        Assert.Equal("CQB2303", diagnostic.Id);
        Assert.Equal("long", Text(source, diagnostic));
    }

    [Fact]
    public void UnsupportedResultProperty_ReportsCqb2304OnTheProperty()
    {
        var source = """
            using System.Threading.Tasks; using CqBot;
            public sealed class R { public long Id { get; set; } public System.DateTime When { get; set; } }
            public static partial class A { [OneBotAction("x")] public static partial Task<R> XAsync(this IBot bot); }
            """;
        var diagnostic = Assert.Single(GeneratorRunner.Run(source).Diagnostics);
        Assert.Equal("CQB2304", diagnostic.Id);
        Assert.Equal("When", Text(source, diagnostic));
    }

    [Fact]
    public void CallModeOnAnActionWithAResult_ReportsCqb2305OnTheParameter()
    {
        var source = "using System.Threading.Tasks; using CqBot; public static partial class A { [OneBotAction(\"x\")] public static partial Task<long> XAsync(this IBot bot, ApiCallMode mode); }";
        var diagnostic = Assert.Single(GeneratorRunner.Run(source).Diagnostics);
        Assert.Equal("CQB2305", diagnostic.Id);
        Assert.Equal("ApiCallMode mode", Text(source, diagnostic));
    }

    [Fact]
    public void TwoActionMethodsOfOneName_ReportsCqb2306OnTheSecond()
    {
        var source = """
            using System.Threading.Tasks; using CqBot;
            public static partial class A
            {
                [OneBotAction("x")] public static partial Task PokeAsync(this IBot bot, long userId);
                [OneBotAction("y")] public static partial Task PokeAsync(this IBot bot, long groupId, long userId);
            }
            """;
        var (result, _, diagnostics) = GeneratorRunner.Run(source);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CQB2306", diagnostic.Id);
        Assert.Equal(source.LastIndexOf("PokeAsync", StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Single(ActionRun(result).GeneratedSources);
    }

    [Fact]
    public void ActionWithAnError_IsNotGenerated()
    {
        var source = "using System; using System.Threading.Tasks; using CqBot; public static partial class A { [OneBotAction(\"x\")] public static partial Task XAsync(this IBot bot, Uri address); }";
        Assert.Empty(ActionRun(GeneratorRunner.Run(source).Result).GeneratedSources);
    }

    [Fact]
    public void Rerun_SameCompilation_EveryStepCached()
    {
        var compilation = CompilationFactory.Create(NapCatSource);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);

        var second = ActionRun(driver.RunGenerators(compilation).GetRunResult());

        foreach (var step in new[] { TrackingNames.ActionResults, TrackingNames.ActionModels })
        {
            Assert.All(second.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }
    }

    [Fact]
    public void Rerun_UnrelatedBodyEdited_ModelsUnchanged()
    {
        var source = NapCatSource + "\npublic static class Other { public static int F() => 1; }\n";
        var compilation = CompilationFactory.Create(source);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees[0];
        var edited = tree.WithChangedText(SourceText.From(source.Replace("=> 1;", "=> 2;", StringComparison.Ordinal)));

        var second = ActionRun(driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult());

        Assert.All(second.TrackedSteps[TrackingNames.ActionModels].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Rerun_ActionNameEdited_ModelModified()
    {
        var compilation = CompilationFactory.Create(NapCatSource);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees[0];
        var edited = tree.WithChangedText(SourceText.From(NapCatSource.Replace("\"set_msg_emoji_like\"", "\"set_msg_emoji_like_v2\"", StringComparison.Ordinal)));

        var second = ActionRun(driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult());

        Assert.Contains(second.TrackedSteps[TrackingNames.ActionModels].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Models_ObjectGraph_HoldsNoRoslynObjects()
    {
        var run = ActionRun(GeneratorRunner.CreateDriver().RunGenerators(CompilationFactory.Create(NapCatSource)).GetRunResult());
        var outputs = new[] { TrackingNames.ActionResults, TrackingNames.ActionModels }
            .SelectMany(step => run.TrackedSteps[step]).SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(outputs);
        foreach (var output in outputs)
        {
            ModelGraph.AssertPlain(output);
        }
    }

    [Theory]
    [InlineData("groupId", "group_id")]
    [InlineData("StrongNewbie", "strong_newbie")]
    [InlineData("CsrfToken", "csrf_token")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("M4a", "m4a")]
    [InlineData("id", "id")]
    public void SnakeCase_OfAName_IsTheProtocolName(string name, string expected) =>
        Assert.Equal(expected, ActionGenerator.Parser.SnakeCase(name));

    private static string Text(string source, Diagnostic diagnostic) =>
        source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
}
