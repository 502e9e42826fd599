using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CqBot.Generators.Tests;

public sealed class HandlerGeneratorIncrementalTests
{
    private static readonly string[] TrackedSteps =
    [
        TrackingNames.HandlerResults, TrackingNames.HandlerModels, TrackingNames.AllHandlers,
    ];

    // Handlers the generator cannot generate: their parse results, diagnostics included, travel through the tracked steps too.
    private const string InvalidHandlersSource = """
        using System.Threading.Tasks;
        using CqBot;

        namespace Sample;

        public partial class Broken
        {
            [OnMessage]
            public static int Count(Session session) => 1;

            [Middleware]
            public static Task Wrong(Session session) => Task.CompletedTask;
        }
        """;

    private static GeneratorRunResult HandlerRun(GeneratorDriverRunResult result) =>
        result.Results.Single(r => r.Generator.GetGeneratorType() == typeof(HandlerGenerator));

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(string source, Func<CSharpCompilation, CSharpCompilation> edit)
    {
        var compilation = CompilationFactory.Create(source);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult();
        driver = driver.RunGenerators(edit(compilation));
        return (first, driver.GetRunResult());
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string from, string to)
    {
        var tree = compilation.SyntaxTrees[0];
        var text = tree.GetText().ToString();
        Assert.Contains(from, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.Replace(from, to, StringComparison.Ordinal))));
    }

    private static List<IncrementalStepRunReason> OutputReasons(GeneratorDriverRunResult result, string step)
    {
        var reasons = HandlerRun(result).TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        return reasons;
    }

    private static void AssertNotRerun(GeneratorDriverRunResult result, string step) =>
        Assert.All(OutputReasons(result, step), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));

    [Fact]
    public void Rerun_SameCompilation_EveryStepCached()
    {
        var (_, second) = RunTwice(HandlerGeneratorTests.HandlersSource, c => c);
        foreach (var step in TrackedSteps)
        {
            Assert.All(OutputReasons(second, step), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }
    }

    [Fact]
    public void Rerun_MethodBodyEdited_ModelsUnchangedAndNothingReemitted()
    {
        var (_, second) = RunTwice(HandlerGeneratorTests.HandlersSource,
            c => Replace(c, "=> greeter.Greet(notice.UserId);", "=> greeter.Greet(notice.UserId) + \"!\";"));
        AssertNotRerun(second, TrackingNames.HandlerModels);
        AssertNotRerun(second, TrackingNames.AllHandlers);
    }

    [Fact]
    public void Rerun_CodeMovedDown_ModelsUnchanged()
    {
        var (_, second) = RunTwice(HandlerGeneratorTests.HandlersSource,
            c => Replace(c, "namespace Sample;", "namespace Sample;\n\n// A comment that moves every handler down.\n"));
        AssertNotRerun(second, TrackingNames.HandlerModels);
        AssertNotRerun(second, TrackingNames.AllHandlers);
    }

    // Diagnostics carry positions, so moving an invalid handler changes its parse result (the analyzers
    // report the diagnostics); the models, which carry none, stay as they were.
    [Fact]
    public void Rerun_InvalidHandlerMovedDown_DiagnosticsModifiedModelsUnchanged()
    {
        var (_, second) = RunTwice(InvalidHandlersSource,
            c => Replace(c, "namespace Sample;", "namespace Sample;\n\n// A comment that moves every handler down.\n"));
        Assert.Contains(IncrementalStepRunReason.Modified, OutputReasons(second, TrackingNames.HandlerResults));
        AssertNotRerun(second, TrackingNames.HandlerModels);
    }

    [Fact]
    public void Rerun_UnrelatedFileAdded_ModelsCached()
    {
        var (_, second) = RunTwice(HandlerGeneratorTests.HandlersSource, compilation =>
            compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", CompilationFactory.ParseOptions)));
        AssertNotRerun(second, TrackingNames.HandlerModels);
        AssertNotRerun(second, TrackingNames.AllHandlers);
    }

    [Fact]
    public void Rerun_AttributeEdited_ModelModified()
    {
        var (_, second) = RunTwice(HandlerGeneratorTests.HandlersSource,
            c => Replace(c, "[OnMetaEvent(\"heartbeat\")]", "[OnMetaEvent(\"lifecycle\")]"));
        Assert.Contains(IncrementalStepRunReason.Modified, OutputReasons(second, TrackingNames.HandlerModels));
        Assert.Contains(IncrementalStepRunReason.Modified, OutputReasons(second, TrackingNames.AllHandlers));
    }

    [Fact]
    public void Rerun_PriorityEdited_ModelModified()
    {
        var (_, second) = RunTwice(HandlerGeneratorTests.HandlersSource,
            c => Replace(c, "Priority = -1", "Priority = 5"));
        Assert.Contains(IncrementalStepRunReason.Modified, OutputReasons(second, TrackingNames.HandlerModels));
        Assert.Contains(IncrementalStepRunReason.Modified, OutputReasons(second, TrackingNames.AllHandlers));
    }

    [Fact]
    public void Models_ObjectGraph_HoldsNoRoslynObjects()
    {
        var compilation = CompilationFactory.Create(HandlerGeneratorTests.HandlersSource, InvalidHandlersSource);
        var result = GeneratorRunner.CreateDriver().RunGenerators(compilation).GetRunResult();
        var outputs = TrackedSteps.SelectMany(step => HandlerRun(result).TrackedSteps[step]).SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(outputs);
        Assert.Contains(outputs, o => o is Model.HandlerResult { Diagnostics.Count: > 0 });
        foreach (var output in outputs)
        {
            ModelGraph.AssertPlain(output);
        }
    }
}
