using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CqBot.Generators.Tests;

public sealed class CommandGeneratorIncrementalTests
{
    private static readonly string[] TrackedSteps =
    [
        TrackingNames.CommandSources, TrackingNames.CommandResults, TrackingNames.CommandModels, TrackingNames.AllCommands,
    ];

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(string source, Func<CSharpCompilation, CSharpCompilation> edit)
    {
        var compilation = CompilationFactory.Create(source);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult();
        driver = driver.RunGenerators(edit(compilation));
        return (first, driver.GetRunResult());
    }

    private static List<IncrementalStepRunReason> OutputReasons(GeneratorDriverRunResult result, string step)
    {
        var reasons = result.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        return reasons;
    }

    [Fact]
    public void Rerun_SameCompilation_EveryStepCached()
    {
        var (_, second) = RunTwice(CommandGeneratorSnapshotTests.KitchenSinkSource, c => c);
        foreach (var step in TrackedSteps)
        {
            Assert.All(OutputReasons(second, step), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }
    }

    [Fact]
    public void Rerun_MethodBodyEdited_ModelsUnchangedAndNothingReemitted()
    {
        var (_, second) = RunTwice(CommandGeneratorSnapshotTests.DiceSource, compilation =>
        {
            var tree = compilation.SyntaxTrees[0];
            var edited = tree.WithChangedText(tree.GetText().Replace(
                tree.GetText().ToString().IndexOf("=> dice;", StringComparison.Ordinal), "=> dice;".Length, "=> dice + \"!\";"));
            return compilation.ReplaceSyntaxTree(tree, edited);
        });
        Assert.All(OutputReasons(second, TrackingNames.CommandModels), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));
        Assert.All(OutputReasons(second, TrackingNames.AllCommands), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));
    }

    // Roslyn reads every [Command] method again after any edit (CommandSources); the parsing and binding
    // behind CommandResults must run only for the commands whose source facts changed: here those below
    // the edit, whose positions moved, and none outside the edited file.
    [Fact]
    public void Rerun_MethodBodyEditedInOneFile_CommandsOfOtherFilesNotParsedAgain()
    {
        var compilation = CompilationFactory.Create(CommandGeneratorSnapshotTests.DiceSource, CommandGeneratorSnapshotTests.KitchenSinkSource);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees[1];
        var text = tree.GetText().ToString();
        var body = "(a + b + clock.Now)";
        var edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace(body, "(a + b + clock.Now + 0)", StringComparison.Ordinal)));
        Assert.Contains(body, text, StringComparison.Ordinal);

        var second = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult();

        var results = second.Results[0].TrackedSteps[TrackingNames.CommandResults].SelectMany(s => s.Outputs).ToList();
        var dice = results.Where(o => ((CommandResult)o.Value).Identity?.Owner.StartsWith("Dice.", StringComparison.Ordinal) == true).ToList();
        Assert.Single(dice);
        Assert.Equal(IncrementalStepRunReason.Cached, dice[0].Reason);
        Assert.Contains(results, o => o.Reason != IncrementalStepRunReason.Cached);
        Assert.All(OutputReasons(second, TrackingNames.CommandSources), r => Assert.NotEqual(IncrementalStepRunReason.New, r));
    }

    [Fact]
    public void Rerun_UnrelatedFileAdded_ModelsCached()
    {
        var (_, second) = RunTwice(CommandGeneratorSnapshotTests.DiceSource, compilation =>
            compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", CompilationFactory.ParseOptions)));
        Assert.All(OutputReasons(second, TrackingNames.CommandModels), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));
        Assert.All(OutputReasons(second, TrackingNames.AllCommands), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));
    }

    [Fact]
    public void Rerun_AttributeEdited_ModelModified()
    {
        var (_, second) = RunTwice(CommandGeneratorSnapshotTests.DiceSource, compilation =>
        {
            var tree = compilation.SyntaxTrees[0];
            var text = tree.GetText().ToString().Replace("Roll dice", "Roll some dice", StringComparison.Ordinal);
            return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
        });
        Assert.Contains(IncrementalStepRunReason.Modified, OutputReasons(second, TrackingNames.CommandModels));
        Assert.Contains(IncrementalStepRunReason.Modified, OutputReasons(second, TrackingNames.AllCommands));
    }

    [Fact]
    public void Models_ObjectGraph_HoldsNoRoslynObjects()
    {
        var compilation = CompilationFactory.Create(CommandGeneratorSnapshotTests.KitchenSinkSource, CommandGeneratorSnapshotTests.DiceSource, CommandGeneratorSnapshotTests.LimitsSource);
        var result = GeneratorRunner.CreateDriver().RunGenerators(compilation).GetRunResult();
        var outputs = TrackedSteps.SelectMany(step => result.Results[0].TrackedSteps[step]).SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(outputs);
        foreach (var output in outputs)
        {
            ModelGraph.AssertPlain(output);
        }
    }
}
