using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators.Tests;

public sealed class CommandGeneratorDiagnosticTests
{
    private static Diagnostic Single(string source, out string text)
    {
        text = source;
        var (result, _, diagnostics) = GeneratorRunner.Run(source);
        var diagnostic = Assert.Single(diagnostics);
        // Only the assembly's (empty) declaration list: nothing of the command.
        Assert.All(result.Results.SelectMany(r => r.GeneratedSources), source => Assert.Equal("CqBot.Declarations.g.cs", source.HintName));
        return diagnostic;
    }

    private static void AssertSpan(Diagnostic diagnostic, string source, string expectedText) =>
        Assert.Equal(expectedText, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));

    [Fact]
    public void UnclosedArgument_ReportsInvalidDeclarationOnTheAttributeArgument()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("roll <dice")] public static string Roll(string dice) => dice; }
            """, out var source);
        Assert.Equal("CQB2001", d.Id);
        AssertSpan(d, source, "\"roll <dice\"");
        Assert.Contains("never closed", d.GetMessage());
    }

    [Fact]
    public void UnknownType_ReportsTheTypeName()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("roll <dice:dice>")] public static string Roll(string dice) => dice; }
            """, out var source);
        Assert.Equal("CQB2002", d.Id);
        AssertSpan(d, source, "dice");
        Assert.Equal(source.IndexOf(":dice>", StringComparison.Ordinal) + 1, d.Location.SourceSpan.Start);
        Assert.Contains("'dice'", d.GetMessage());
    }

    [Fact]
    public void ArgumentWithoutParameter_NamesArgumentAndMethod()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("roll <dice>")] public static string Roll(string die) => die; }
            """, out var source);
        Assert.Equal("CQB2003", d.Id);
        AssertSpan(d, source, "<dice>");
        Assert.Contains("'dice'", d.GetMessage());
        Assert.Contains("'Roll'", d.GetMessage());
    }

    [Fact]
    public void ParameterTypeMismatch_ReportsOnTheParameter()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("roll <count:integer>")] public static string Roll(string count) => count; }
            """, out var source);
        Assert.Equal("CQB2004", d.Id);
        AssertSpan(d, source, "count");
    }

    [Fact]
    public void ClassNotPartial_ReportsOnTheClassName()
    {
        var d = Single("""
            public class Plain { [CqBot.Command("roll")] public static string Roll() => ""; }
            """, out var source);
        Assert.Equal("CQB2005", d.Id);
        AssertSpan(d, source, "Plain");
    }

    [Fact]
    public void UnsupportedReturnType_ReportsOnTheMethodName()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("roll")] public static int Roll() => 1; }
            """, out var source);
        Assert.Equal("CQB2006", d.Id);
        AssertSpan(d, source, "Roll");
    }

    [Fact]
    public void OptionalArgumentWithoutDefault_ReportsOnTheParameter()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("roll [times:integer]")] public static string Roll(int times) => ""; }
            """, out var source);
        Assert.Equal("CQB2007", d.Id);
        AssertSpan(d, source, "times");
    }

    [Fact]
    public void NonNullableReferenceOptionWithoutDefault_ReportsOnTheParameter()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("greet")] [CqBot.Option("name", "-n <name>")] public static string Greet(string name) => name; }
            """, out var source);
        Assert.Equal("CQB2014", d.Id);
        AssertSpan(d, source, "name");
        Assert.Equal(source.IndexOf("string name", StringComparison.Ordinal) + "string ".Length, d.Location.SourceSpan.Start);
    }

    [Fact]
    public void NonNullableReferenceOptionWithNullAttributeDefault_IsReported()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("greet")] [CqBot.Option("name", "-n <name>", Default = null)] public static string Greet(string name) => name; }
            """, out _);
        Assert.Equal("CQB2014", d.Id);
    }

    [Fact]
    public void OptionWithoutParameter_NamesTheOption()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("roll")] [CqBot.Option("times", "-t <n:integer>")] public static string Roll() => ""; }
            """, out var source);
        Assert.Equal("CQB2009", d.Id);
        AssertSpan(d, source, "\"-t <n:integer>\"");
    }

    [Fact]
    public void InvalidOptionSyntax_ReportsTheSyntax()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("roll")] [CqBot.Option("times", "-t <n")] public static string Roll(int times = 1) => ""; }
            """, out var source);
        Assert.Equal("CQB2008", d.Id);
        AssertSpan(d, source, "\"-t <n\"");
    }

    [Fact]
    public void DuplicateOptionName_IsReported()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("roll")] [CqBot.Option("a", "-x")] [CqBot.Option("b", "-x")] public static string Roll(bool a, bool b) => ""; }
            """, out _);
        Assert.Equal("CQB2010", d.Id);
        Assert.Contains("'-x'", d.GetMessage());
    }

    [Fact]
    public void FlagOnNonBooleanParameter_IsReported()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("roll")] [CqBot.Option("times", "-t")] public static string Roll(int times = 1) => ""; }
            """, out var source);
        Assert.Equal("CQB2004", d.Id);
        AssertSpan(d, source, "times");
    }

    [Fact]
    public void CheckWithUnsupportedReturn_IsReported()
    {
        var d = Single("""
            public partial class C { [CqBot.Check] public static int Nope() => 1; [CqBot.Command("roll")] public static string Roll() => ""; }
            """, out var source);
        Assert.Equal("CQB2013", d.Id);
        AssertSpan(d, source, "Nope");
    }

    [Fact]
    public void GenericClass_IsReported()
    {
        var d = Single("""
            public partial class G<T> { [CqBot.Command("roll")] public static string Roll() => ""; }
            """, out var source);
        Assert.Equal("CQB2012", d.Id);
        AssertSpan(d, source, "G");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    public void AuthorityOutOfRange_ReportsOnTheValue(string value)
    {
        var d = Single($$"""
            public partial class C { [CqBot.Command("ban", Authority = {{value}})] public static string Ban() => ""; }
            """, out var source);
        Assert.Equal("CQB2018", d.Id);
        AssertSpan(d, source, value);
        Assert.Equal(source.IndexOf("Authority = ", StringComparison.Ordinal) + "Authority = ".Length, d.Location.SourceSpan.Start);
        Assert.Equal($"Authority {value} is out of range: use 1 (everyone, the default) to 5", d.GetMessage());
    }

    [Fact]
    public void NegativeMaxUsage_ReportsOnTheValue()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("sign", MaxUsage = -1)] public static string Sign() => ""; }
            """, out var source);
        Assert.Equal("CQB2019", d.Id);
        AssertSpan(d, source, "-1");
        Assert.StartsWith("MaxUsage -1 is negative", d.GetMessage());
    }

    [Fact]
    public void MinIntervalNotADuration_ReportsOnTheValue()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("sign", MinInterval = "5x")] public static string Sign() => ""; }
            """, out var source);
        Assert.Equal("CQB2020", d.Id);
        AssertSpan(d, source, "\"5x\"");
        Assert.Equal("MinInterval '5x' is not a duration: write it as 30s, 5m, 2h, 1d (combinable, like 1h30m) or hh:mm:ss", d.GetMessage());
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("-1m")]
    [InlineData("00:00:00")]
    public void MinIntervalNotPositive_ReportsOnTheValue(string value)
    {
        var d = Single($$"""
            public partial class C { [CqBot.Command("sign", MinInterval = "{{value}}")] public static string Sign() => ""; }
            """, out var source);
        Assert.Equal("CQB2020", d.Id);
        AssertSpan(d, source, "\"" + value + "\"");
        Assert.StartsWith($"MinInterval '{value}' is not longer than zero", d.GetMessage());
    }

    [Fact]
    public void EveryInvalidLimit_IsReportedOnItsOwnValue()
    {
        var (_, _, diagnostics) = GeneratorRunner.Run("""
            public partial class C
            {
                [CqBot.Command("sign", Authority = 9, MaxUsage = -3, MinInterval = "1h1h")]
                public static string Sign() => "";
            }
            """);
        Assert.Equal(["CQB2018", "CQB2019", "CQB2020"], diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal(2, d.Location.GetLineSpan().StartLinePosition.Line));
    }

    [Fact]
    public void LimitsWithConstantExpressions_AreRead()
    {
        var (_, _, diagnostics) = GeneratorRunner.Run("""
            public static class Levels { public const int Admin = 4; public const string Cooldown = "30s"; }
            public partial class C { [CqBot.Command("sign", Authority = Levels.Admin, MinInterval = Levels.Cooldown)] public static string Sign() => ""; }
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void DuplicateCommandNames_AcrossClasses_AreReported()
    {
        var (_, _, diagnostics) = GeneratorRunner.Run(
            "public partial class A { [CqBot.Command(\"roll\")] public static string Roll() => \"\"; }",
            "public partial class B { [CqBot.Command(\"dice\", Aliases = [\"roll\"])] public static string Dice() => \"\"; }");
        var d = Assert.Single(diagnostics);
        Assert.Equal("CQB2011", d.Id);
        Assert.Contains("'roll'", d.GetMessage());
    }

    [Fact]
    public void OneBadCommand_OtherCommandsStillGenerated()
    {
        var (result, _, diagnostics) = GeneratorRunner.Run("""
            public partial class C
            {
                [CqBot.Command("bad <x:nope>")] public static string Bad(string x) => x;
                [CqBot.Command("good <x>")] public static string Good(string x) => x;
            }
            """);
        Assert.Equal("CQB2002", Assert.Single(diagnostics).Id);
        var table = result.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == "CqBot.GeneratedCommands.g.cs").SourceText.ToString();
        Assert.Contains("\"good\"", table);
        Assert.DoesNotContain("\"bad\"", table);
    }
}
