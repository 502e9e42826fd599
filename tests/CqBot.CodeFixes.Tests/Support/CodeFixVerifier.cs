using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CqBot.CodeFixes.Tests.Support;

/// <summary>
/// Checks a code fix against .NET 10 and the CqBot core: the source's markup (<c>{|CQB2015:…|}</c>) names
/// the diagnostics expected before the fix, and the fixed source must match exactly.
/// </summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    private static readonly MetadataReference[] References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(Session).Assembly.Location),
    ];

    /// <summary>Applies the fix to each diagnostic, one by one and all at once, and compares with <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null) =>
        CreateTest(source, fixedSource, equivalenceKey).RunAsync();

    /// <summary>Checks the diagnostics of the markup and that no fix (or none with <paramref name="equivalenceKey"/>) is offered for them.</summary>
    public static Task VerifyNoFixAsync(string source, string? equivalenceKey = null) => CreateTest(source, source, equivalenceKey).RunAsync();

    internal static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> CreateTest(string source, string fixedSource, string? equivalenceKey, DiagnosticAnalyzer[]? analyzers = null)
    {
        var test = new Test(analyzers)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            // References come from the running .NET 10, not from a package restored at test time.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            // The command and handler analyzers share the descriptor of CQB2005.
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
        };
        test.TestState.AdditionalReferences.AddRange(References);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = (CSharpCompilationOptions)project.CompilationOptions!;
            return solution
                .WithProjectCompilationOptions(projectId, options.WithNullableContextOptions(NullableContextOptions.Enable))
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
        });
        return test;
    }

    /// <summary>The harness's test, with the analyzers given in place of <typeparamref name="TAnalyzer"/> when there are several.</summary>
    private sealed class Test(DiagnosticAnalyzer[]? analyzers) : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => analyzers ?? base.GetDiagnosticAnalyzers();
    }
}

/// <summary>
/// Checks a code fix of the declaration diagnostics with every analyzer that reports them (commands,
/// handlers, plugins), as a project that loads CqBot.Analyzers sees them.
/// </summary>
internal static class DeclarationCodeFixVerifier<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    private static DiagnosticAnalyzer[] Analyzers =>
        [new CqBot.Analyzers.CommandDeclarationAnalyzer(), new CqBot.Analyzers.HandlerDeclarationAnalyzer(), new CqBot.Analyzers.PluginDeclarationAnalyzer()];

    /// <inheritdoc cref="CodeFixVerifier{TAnalyzer, TCodeFix}.VerifyAsync"/>
    public static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null) =>
        CodeFixVerifier<CqBot.Analyzers.CommandDeclarationAnalyzer, TCodeFix>.CreateTest(source, fixedSource, equivalenceKey, Analyzers).RunAsync();

    /// <inheritdoc cref="CodeFixVerifier{TAnalyzer, TCodeFix}.VerifyNoFixAsync"/>
    public static Task VerifyNoFixAsync(string source, string? equivalenceKey = null) =>
        CodeFixVerifier<CqBot.Analyzers.CommandDeclarationAnalyzer, TCodeFix>.CreateTest(source, source, equivalenceKey, Analyzers).RunAsync();
}
