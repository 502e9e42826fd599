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
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Classes = 50;
    private const int CommandsPerClass = 10;

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;

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
        var edited = CSharpSyntaxTree.ParseText(ClassSource(0, "n + 1"), parse, path: "Commands0.cs");
        _edited = _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees[0], edited);
        _warm = CreateDriver().RunGenerators(_compilation);
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

    private GeneratorDriver _warmFloor = null!;

    [GlobalSetup(Target = nameof(FloorAfterMethodBodyEdit))]
    public void SetupFloor()
    {
        Setup();
        _warmFloor = CSharpGeneratorDriver.Create([new AttributeFinder().AsSourceGenerator()], parseOptions: new CSharpParseOptions(LanguageVersion.Latest)).RunGenerators(_compilation);
    }

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

    private static string ClassSource(int index, string body)
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
