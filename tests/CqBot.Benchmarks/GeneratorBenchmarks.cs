using System.Text;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using CqBot.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CqBot.Benchmarks;

/// <summary>
/// The command generator on a synthetic project of 500 commands in 50 classes: one full run, and one
/// run after an edit inside a method body (which must re-emit nothing).
/// </summary>
/// <remarks>
/// Two ways of measuring. The plain benchmarks reuse one compilation object across iterations, so from the
/// second iteration on every symbol, attribute and signature the generator reads is already bound in it:
/// they measure the generator's own code. The <c>Fresh</c> benchmarks give every run a compilation it has
/// never seen, as an IDE does on each keystroke (<c>Clone</c> for a full run, <c>ReplaceSyntaxTree</c> on
/// the original for an edit), so binding is paid again; <see cref="CreateFreshCompilations"/> is the cost
/// of making those compilations, included in the <c>Fresh</c> figures.
/// </remarks>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    internal const int Classes = 50;
    private const int CommandsPerClass = 10;

    private CSharpCompilation _compilation = null!;
    private SyntaxTree _editedTree = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _warmFloor = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>();
        for (var c = 0; c < Classes; c++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(ClassSource(c, "n"), parse, path: $"Commands{c}.cs"));
        }
        _compilation = CSharpCompilation.Create(
            "Synthetic",
            trees,
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(Session).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _editedTree = CSharpSyntaxTree.ParseText(ClassSource(0, "n + 1"), parse, path: "Commands0.cs");
        _edited = Edit();
        _warm = CreateDriver().RunGenerators(_compilation);
        _warmFloor = CSharpGeneratorDriver.Create([new AttributeFinder().AsSourceGenerator()], parseOptions: parse).RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver RunAfterMethodBodyEdit() => _warm.RunGenerators(_edited);

    // The driver's own cost when nothing changed: the floor under any incremental run.
    [Benchmark]
    public GeneratorDriver RunUnchanged() => _warm.RunGenerators(_compilation);

    // The compiler's floor for an edit: a generator that only finds the same attributes and reads each
    // method's name. What RunAfterMethodBodyEdit costs beyond this is the command generator's own work.
    [Benchmark]
    public GeneratorDriver FloorAfterMethodBodyEdit() => _warmFloor.RunGenerators(_edited);

    [Benchmark]
    public GeneratorDriver FullRunFresh() => CreateDriver().RunGenerators(_compilation.Clone());

    [Benchmark]
    public GeneratorDriver RunAfterMethodBodyEditFresh() => _warm.RunGenerators(Edit());

    [Benchmark]
    public GeneratorDriver FloorAfterMethodBodyEditFresh() => _warmFloor.RunGenerators(Edit());

    [Benchmark]
    public int CreateFreshCompilations() => _compilation.Clone().SyntaxTrees.Length + Edit().SyntaxTrees.Length;

    private CSharpCompilation Edit() => _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees[0], _editedTree);

    private sealed class AttributeFinder : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var names = context.SyntaxProvider.ForAttributeWithMetadataName(
                "CqBot.CommandAttribute",
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (syntaxContext, _) => syntaxContext.TargetSymbol.Name);
            context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
        }
    }

    private static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new CommandGenerator().AsSourceGenerator()],
        parseOptions: new CSharpParseOptions(LanguageVersion.Latest));

    /// <summary>One class of the synthetic project: ten commands with two options each.</summary>
    internal static string ClassSource(int index, string body)
    {
        var source = new StringBuilder();
        source.Append("using CqBot;\nnamespace Synthetic;\npublic partial class Commands").Append(index).Append("\n{\n");
        for (var i = 0; i < CommandsPerClass; i++)
        {
            var name = $"cmd{index}x{i}";
            source.Append($"    [Command(\"{name} <target:string> [n:integer]\", Description = \"Command {name}\", Aliases = [\"a{name}\"])]\n");
            source.Append("    [Option(\"times\", \"-t, --times <count:posint>\")]\n");
            source.Append("    [Option(\"loud\", \"-l\")]\n");
            source.Append($"    public static string Run{i}(string target, long n = 1, int times = 1, bool loud = false) => target + ({body}).ToString();\n");
        }
        source.Append("}\n");
        return source.ToString();
    }
}
