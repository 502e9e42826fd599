using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CqBot.Generators.Tests.Support;

/// <summary>Builds in-memory compilations that reference .NET 10 and the CqBot core.</summary>
internal static class CompilationFactory
{
    // As a project with the CqBot package has it: generated interceptors are allowed in CqBot.Generated.
    public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest)
        .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", "CqBot.Generated")]);

    private static readonly MetadataReference[] References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(Session).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(CqBot.Hosting.BotApplication).Assembly.Location),
    ];

    public static CSharpCompilation Create(params string[] sources) => Create(OutputKind.DynamicallyLinkedLibrary, sources);

    public static CSharpCompilation Create(OutputKind kind, params string[] sources)
    {
        var trees = new SyntaxTree[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            trees[i] = CSharpSyntaxTree.ParseText(sources[i], ParseOptions, path: $"Source{i}.cs");
        }
        return CSharpCompilation.Create(
            "TestBot",
            trees,
            References,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
    }
}
