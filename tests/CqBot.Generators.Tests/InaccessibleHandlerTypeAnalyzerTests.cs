using System.Collections.Immutable;
using CqBot.Analyzers;
using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Generators.Tests;

public sealed class InaccessibleHandlerTypeAnalyzerTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var compilation = CompilationFactory.Create("using System.Threading.Tasks;\nusing CqBot;\n" + source);
        return await compilation.WithAnalyzers([new InaccessibleHandlerTypeAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    [Theory]
    [InlineData("private", "private")]
    [InlineData("protected", "protected")]
    [InlineData("private protected", "private protected")]
    public async Task CommandInANestedClassOfThatAccessibility_ReportsCQB2023OnTheMethod(string modifier, string said)
    {
        var diagnostics = await AnalyzeAsync($$"""
            public partial class Outer
            {
                {{modifier}} partial class Inner
                {
                    [Command("roll")]
                    public static string Roll() => "6";
                }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CQB2023", diagnostic.Id);
        Assert.Equal("Roll", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains($"'Inner' is {said}", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task HandlerInsideAPublicClassNestedInAPrivateOne_IsReportedNamingThePrivateOne()
    {
        var diagnostics = await AnalyzeAsync("""
            public partial class Outer
            {
                private partial class Hidden
                {
                    public partial class Visible
                    {
                        [OnNotice("group_increase")]
                        public static string Welcome(GroupIncreaseNotice e) => "hi";
                    }
                }
            }
            """);

        Assert.Contains("'Hidden' is private", Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("public")]
    [InlineData("internal")]
    [InlineData("protected internal")]
    public async Task ReachableNestedClass_IsNotReported(string modifier)
    {
        var diagnostics = await AnalyzeAsync($$"""
            public partial class Outer
            {
                {{modifier}} partial class Inner
                {
                    [Command("roll")]
                    public static string Roll() => "6";

                    public static string NotAHandler() => "";
                }
            }
            """);

        Assert.Empty(diagnostics);
    }
}
