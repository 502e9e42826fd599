using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators.Tests;

/// <summary>Errors about parts of a declaration or option string: reported on that part, with a suggestion where one is near.</summary>
public sealed class CommandDeclarationDiagnosticTests
{
    private static Diagnostic Single(string source)
    {
        var (_, _, diagnostics) = GeneratorRunner.Run(source);
        return Assert.Single(diagnostics);
    }

    private static void AssertSpan(Diagnostic diagnostic, string source, string expectedText, string marker)
    {
        Assert.Equal(expectedText, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal(source.IndexOf(marker, StringComparison.Ordinal) + marker.IndexOf(expectedText, StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
    }

    private static string? Suggestion(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue("Suggestion", out var value) ? value : null;

    [Fact]
    public void ArgumentAfterText_ReportsUnreachableOnTheLaterArgument()
    {
        const string source = """
            public partial class C { [CqBot.Command("say <message:text> <times:posint>")] public static string Say(string message, int times) => message; }
            """;
        var d = Single(source);
        Assert.Equal("CQB2021", d.Id);
        AssertSpan(d, source, "<times:posint>", "<times:posint>");
        Assert.Equal(
            "Argument 'times' of command 'say' can never be filled: the text argument 'message' before it takes the rest of the input; declare 'times' before 'message', or make it an option",
            d.GetMessage());
    }

    [Fact]
    public void ArgumentAfterVariadic_ReportsUnreachableOnTheLaterArgument()
    {
        const string source = """
            public partial class C { [CqBot.Command("pick [...items] [count:posint]")] public static string Pick(string[] items, int count = 1) => ""; }
            """;
        var d = Single(source);
        Assert.Equal("CQB2021", d.Id);
        AssertSpan(d, source, "[count:posint]", "[count:posint]");
        Assert.Equal(
            "Argument 'count' of command 'pick' can never be filled: the variadic argument 'items' before it takes the rest of the input; declare 'count' before 'items', or make it an option",
            d.GetMessage());
    }

    [Fact]
    public void TextOrVariadicArgumentLast_IsNotReported()
    {
        var (_, _, diagnostics) = GeneratorRunner.Run("""
            public partial class C
            {
                [CqBot.Command("say <times:posint> <message:text>")] public static string Say(int times, string message) => message;
                [CqBot.Command("pick <count:posint> [...items]")] public static string Pick(int count, string[] items) => "";
            }
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void RequiredAfterOptional_ReportsOnTheRequiredArgument()
    {
        const string source = """
            public partial class C { [CqBot.Command("give [amount:posint] <user:user>")] public static string Give(long user, int amount = 1) => ""; }
            """;
        var d = Single(source);
        Assert.Equal("CQB2022", d.Id);
        AssertSpan(d, source, "<user:user>", "<user:user>");
        Assert.Equal(
            "Required argument 'user' of command 'give' follows the optional argument 'amount': input fills 'amount' first, so 'amount' can never be left out; declare 'user' before 'amount', or make it optional too",
            d.GetMessage());
    }

    [Fact]
    public void RequiredBeforeOptional_IsNotReported()
    {
        var (_, _, diagnostics) = GeneratorRunner.Run("""
            public partial class C { [CqBot.Command("give <user:user> [amount:posint] [note]")] public static string Give(long user, int amount = 1, string? note = null) => ""; }
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void ArgumentAfterOptionalText_ReportsOnlyUnreachable()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("say [message:text] <times:posint>")] public static string Say(int times, string? message = null) => ""; }
            """);
        Assert.Equal("CQB2021", d.Id);
    }

    [Fact]
    public void UnknownOptionType_ReportsOnTheTypeInTheOptionString()
    {
        const string source = """
            public partial class C { [CqBot.Command("roll <dice:string>")] [CqBot.Option("times", "-t <count:interger>")] public static string Roll(string dice, int times = 1) => dice; }
            """;
        var d = Single(source);
        Assert.Equal("CQB2002", d.Id);
        AssertSpan(d, source, "interger", "\"-t <count:interger>\"");
        Assert.Equal(
            "Argument or option 'times' has the unknown type 'interger': use string, text, number, integer, posint, natural, boolean, date, user, channel or image, or leave the type out to take it from the parameter. Did you mean 'integer'?",
            d.GetMessage());
        Assert.Equal("integer", Suggestion(d));
    }

    [Fact]
    public void UnknownArgumentType_SuggestsTheNearestType()
    {
        const string source = """
            public partial class C { [CqBot.Command("roll <sides:nubmer>")] public static string Roll(double sides) => ""; }
            """;
        var d = Single(source);
        Assert.Equal("CQB2002", d.Id);
        AssertSpan(d, source, "nubmer", "nubmer");
        Assert.EndsWith(" Did you mean 'number'?", d.GetMessage());
        Assert.Equal("number", Suggestion(d));
    }

    [Fact]
    public void UnknownTypeFarFromAny_SuggestsNothing()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("paint <shade:color>")] public static string Paint(string shade) => shade; }
            """);
        Assert.Equal("CQB2002", d.Id);
        Assert.EndsWith("take it from the parameter.", d.GetMessage());
        Assert.Null(Suggestion(d));
    }

    [Fact]
    public void TypeInVerbatimString_IsReportedOnTheType()
    {
        const string source = """
            public partial class C { [CqBot.Command(@"roll <sides:nubmer>")] public static string Roll(double sides) => ""; }
            """;
        var d = Single(source);
        AssertSpan(d, source, "nubmer", "nubmer");
    }

    [Fact]
    public void TypeInStringWithEscapes_IsReportedOnTheWholeString()
    {
        const string source = """
            public partial class C { [CqBot.Command("roll\u0020<sides:nubmer>")] public static string Roll(double sides) => ""; }
            """;
        var d = Single(source);
        Assert.Equal("CQB2002", d.Id);
        AssertSpan(d, source, "\"roll\\u0020<sides:nubmer>\"", "\"roll\\u0020<sides:nubmer>\"");
    }

    [Fact]
    public void ArgumentWithoutParameter_SuggestsTheNearParameter()
    {
        const string source = """
            public partial class C { [CqBot.Command("roll <dice>")] public static string Roll(string dices) => dices; }
            """;
        var d = Single(source);
        Assert.Equal("CQB2003", d.Id);
        AssertSpan(d, source, "<dice>", "<dice>");
        Assert.Equal("Argument 'dice' of command 'roll' has no parameter of the same name on method 'Roll'. Did you mean parameter 'dices'?", d.GetMessage());
        Assert.Equal("dices", Suggestion(d));
    }

    [Fact]
    public void ArgumentWithoutParameter_DoesNotSuggestABoundOrInjectedParameter()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("roll <dice> <die>")] public static string Roll(string die, CqBot.Session dic) => die; }
            """);
        Assert.Equal("CQB2003", d.Id);
        Assert.EndsWith("on method 'Roll'.", d.GetMessage());
        Assert.Null(Suggestion(d));
    }

    [Fact]
    public void OptionWithoutParameter_SuggestsTheNearParameter()
    {
        const string source = """
            public partial class C { [CqBot.Command("roll")] [CqBot.Option("times", "-t <n:integer>")] public static string Roll(int time = 1) => ""; }
            """;
        var d = Single(source);
        Assert.Equal("CQB2009", d.Id);
        AssertSpan(d, source, "\"-t <n:integer>\"", "\"-t <n:integer>\"");
        Assert.EndsWith(" Did you mean parameter 'time'?", d.GetMessage());
        Assert.Equal("time", Suggestion(d));
    }

    [Fact]
    public void DeclaredTypeMismatch_ListsTheTypesItBindsTo()
    {
        const string source = """
            public partial class C { [CqBot.Command("roll <count:integer>")] public static string Roll(string count) => count; }
            """;
        var d = Single(source);
        Assert.Equal("CQB2004", d.Id);
        AssertSpan(d, source, "count", "string count");
        Assert.Equal(
            "Parameter 'count' has type 'string', which cannot hold the integer argument 'count'; ':integer' binds to int, long, double, float or decimal (or a nullable form of one)",
            d.GetMessage());
    }

    [Fact]
    public void OptionTypeMismatch_ListsTheTypesItBindsTo()
    {
        var d = Single("""
            public partial class C { [CqBot.Command("remind")] [CqBot.Option("at", "-a <when:date>")] public static string Remind(int at = 0) => ""; }
            """);
        Assert.Equal("CQB2004", d.Id);
        Assert.EndsWith("; ':date' binds to DateTimeOffset or DateTime (or a nullable form of one)", d.GetMessage());
    }
}
