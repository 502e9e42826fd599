using CqBot.Infrastructure;

namespace CqBot.Tests.Commands;

/// <summary>
/// The parser reads plain lines in one fast pass and gives every other line to the general parser.
/// These tests feed the same lines to <see cref="CommandParser.Parse"/> and to the general parser alone
/// and require the same result, field by field; and they check the fast pass is really taken.
/// </summary>
public sealed class PlainLineParseTests
{
    private static readonly string[] Vocabulary =
    [
        "2d6", "3", "-3", "0", "12", "abc", "x", "1.5", "1e3", "true", "no", "@123", "#5", "2025-01-02", "Happy", "a&amp;b", "a&#91;b",
        "-t", "--times", "-l", "--loud", "-m", "--mode", "-A", "-n", "--count", "-h", "--help", "-x", "--nope", "--no-loud", "-lt",
        "--times=4", "-t=3", "-=", "-", "--", "---t", "\"q q\"", "'q'", "a\"b", "[CQ:at,qq=1]", "[x]", "你好", "１２", "“引”", "‘x’",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "  ", "\t", "\n", "\u3000", "\u00a0"];

    public static TheoryData<string> Signatures => ["dice", "pair", "optional", "lenient", "typed"];

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Parse_RandomLines_SameAsTheGeneralParser(string name)
    {
        var signature = Build(name);
        var random = new Random(20240611);
        var plain = 0;
        for (var n = 0; n < 4000; n++)
        {
            var line = "cmd" + RandomArguments(random, Likely(name));
            var start = 3;
            using (var fast = CommandParser.Parse(signature, line, start))
            using (var general = CommandParser.ParseGeneral(signature, line, start))
            {
                AssertSame(general, fast, line);
            }
            using var probe = CommandParser.ParseGeneral(signature, "", 0);
            probe.Reset();
            if (CommandParser.TryParsePlain(signature, line, start, probe))
            {
                plain++;
            }
        }
        // Most random lines hold something only the general parser reads; enough must still take the fast pass.
        Assert.True(plain > 50, $"only {plain} lines took the fast pass");
    }

    [Theory]
    [InlineData("roll 2d6 -t 3")]
    [InlineData("roll 2d6 --times 3")]
    [InlineData("roll 2d6")]
    [InlineData("roll -t 3 2d6")]
    [InlineData("roll   2d6\t-t  3  ")]
    [InlineData("roll 你好 -t 3")]
    [InlineData("roll a&amp;b")]
    public void TryParsePlain_CommonLines_AreTaken(string line)
    {
        var signature = Build("dice");
        using var result = CommandParser.ParseGeneral(signature, "", 0);
        result.Reset();
        Assert.True(CommandParser.TryParsePlain(signature, line, 4, result));
        using var general = CommandParser.ParseGeneral(signature, line, 4);
        AssertSame(general, result, line);
    }

    [Theory]
    [InlineData("roll \"2d6\"")]
    [InlineData("roll 2d6 -t \"3\"")]
    [InlineData("roll [CQ:face,id=1]")]
    [InlineData("roll 2d6 -t=3")]
    [InlineData("roll 2d6 --times=3")]
    [InlineData("roll 2d6 -h")]
    [InlineData("roll 2d6 -x")]
    [InlineData("roll 2d6 -t")]
    [InlineData("roll 2d6 -t 0")]
    [InlineData("roll 2d6 -t -")]
    [InlineData("roll 2d6 3")]
    [InlineData("roll")]
    [InlineData("roll -- -t")]
    [InlineData("roll 2d6\u3000-t 3")]
    [InlineData("roll “2d6”")]
    public void TryParsePlain_OtherLines_AreLeftToTheGeneralParser(string line)
    {
        var signature = Build("dice");
        using var result = CommandParser.ParseGeneral(signature, "", 0);
        result.Reset();
        Assert.False(CommandParser.TryParsePlain(signature, line, 4, result));
    }

    [Fact]
    public void ClassOf_Ascii_SpaceExactlyWhereTheTokenizerSplits()
    {
        for (var c = '\0'; c < 0x3100; c++)
        {
            var kind = CommandParser.ClassOf(c);
            Assert.True(kind != 1 || char.IsWhiteSpace(c), $"U+{(int)c:X4} is not whitespace");
            Assert.True(kind != 0 || !char.IsWhiteSpace(c), $"U+{(int)c:X4} is whitespace");
            if (c is '"' or '\'' or '“' or '‘' or '[')
            {
                Assert.Equal(2, kind);
            }
        }
    }

    // Tokens each command expects, picked more often so that many lines are plain and well formed.
    private static string[] Likely(string name) => name switch
    {
        "dice" => ["2d6", "abc", "-t", "--times", "3"],
        "pair" => ["3", "-3", "12", "0", "1.5", "-l", "-t"],
        "optional" => ["abc", "3", "-m", "--mode", "-A", "-l", "--loud", "-n", "1.5", "-="],
        "lenient" => ["abc", "x", "-t", "--times", "3"],
        _ => ["Happy", "abc", "true", "no", "@123", "2025-01-02", "-c", "--channel", "#5", "-h"],
    };

    private static string RandomArguments(Random random, string[] likely)
    {
        var count = random.Next(0, 6);
        var line = "";
        for (var i = 0; i < count; i++)
        {
            var token = random.Next(3) == 0 ? Vocabulary[random.Next(Vocabulary.Length)] : likely[random.Next(likely.Length)];
            line += (random.Next(3) == 0 ? Separators[random.Next(Separators.Length)] : " ") + token;
        }
        return random.Next(4) == 0 ? line + " " : line;
    }

    private static CommandSignature Build(string name) => name switch
    {
        "dice" => new CommandSignature(
            [new ArgumentDeclaration("dice", CommandValueKind.String, true)],
            [new OptionDeclaration("times", ["-t", "--times"], CommandValueKind.PositiveInteger, takesValue: true, valueRequired: true, valueName: "count")]),
        "pair" => new CommandSignature(
            [new ArgumentDeclaration("a", CommandValueKind.Integer, true), new ArgumentDeclaration("b", CommandValueKind.Number, true)],
            [
                new OptionDeclaration("loud", ["-l"], CommandValueKind.Boolean, takesValue: false),
                new OptionDeclaration("times", ["-t"], CommandValueKind.NaturalNumber, takesValue: true),
                // Where a number is expected, -3 is the number, not this option.
                new OptionDeclaration("three", ["-3"], CommandValueKind.Boolean, takesValue: false),
            ]),
        "optional" => new CommandSignature(
            [new ArgumentDeclaration("word", CommandValueKind.String, false), new ArgumentDeclaration("n", CommandValueKind.Integer, false)],
            [
                new OptionDeclaration("mode", ["-m", "--mode"], CommandValueKind.String, takesValue: true, valueRequired: false, valueName: "mode"),
                new OptionDeclaration("mode", ["-A"], CommandValueKind.String, takesValue: false) { FixedValue = new CommandValue(CommandValueKind.String, "adv") },
                new OptionDeclaration("loud", ["-l", "--loud"], CommandValueKind.Boolean, takesValue: false),
                new OptionDeclaration("count", ["-n"], CommandValueKind.Number, takesValue: true),
                // The general parser reads -= as an empty flag group with a value, not as this option.
                new OptionDeclaration("equals", ["-="], CommandValueKind.Boolean, takesValue: false),
            ]),
        "lenient" => new CommandSignature(
            [new ArgumentDeclaration("word", CommandValueKind.String, true)],
            [new OptionDeclaration("times", ["-t", "--times"], CommandValueKind.Integer, takesValue: true)])
        {
            CheckArgumentCount = false,
            AllowUnknownOptions = true,
        },
        _ => new CommandSignature(
            [
                new ArgumentDeclaration("mood", CommandValueKind.Custom, true, Validator: static text => text is "Happy" or "abc"),
                new ArgumentDeclaration("flag", CommandValueKind.Boolean, false),
                new ArgumentDeclaration("who", CommandValueKind.User, false),
                new ArgumentDeclaration("when", CommandValueKind.Date, false),
            ],
            [
                new OptionDeclaration("channel", ["-c", "--channel"], CommandValueKind.Channel, takesValue: true),
                new OptionDeclaration("help", ["-h"], CommandValueKind.Boolean, takesValue: false),
            ]),
    };

    private static void AssertSame(ParsedCommand expected, ParsedCommand actual, string line)
    {
        Assert.True(expected.Error == actual.Error, $"'{line}': error {expected.Error} vs {actual.Error}");
        Assert.True(expected.HelpRequested == actual.HelpRequested, $"'{line}': help");
        Assert.True(expected.Stop == actual.Stop, $"'{line}': stop {expected.Stop} vs {actual.Stop}");
        Assert.True(expected.ArgumentCount == actual.ArgumentCount, $"'{line}': {expected.ArgumentCount} vs {actual.ArgumentCount} arguments");
        for (var i = 0; i < expected.ArgumentCount; i++)
        {
            AssertSame(expected.GetArgument(i), actual.GetArgument(i), $"'{line}': argument {i}");
        }
        Assert.True(expected.Options.Length == actual.Options.Length, $"'{line}': option slots");
        for (var i = 0; i < expected.Options.Length; i++)
        {
            AssertSame(expected.Options[i], actual.Options[i], $"'{line}': option {i}");
        }
        Assert.Equal(expected.UnknownOptions, actual.UnknownOptions);
    }

    private static void AssertSame(CommandValue expected, CommandValue actual, string what)
    {
        Assert.True(
            expected.Kind == actual.Kind && expected.IsSet == actual.IsSet && expected.HasText == actual.HasText && expected.Text == actual.Text
            && expected.Integer == actual.Integer && expected.Number.Equals(actual.Number) && expected.Boolean == actual.Boolean
            && expected.Date == actual.Date && expected.Date.Offset == actual.Date.Offset,
            $"{what}: {expected.Kind} '{expected.Text}' vs {actual.Kind} '{actual.Text}'");
    }
}
