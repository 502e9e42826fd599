using System.Globalization;
using CqBot.Infrastructure;

namespace CqBot.Tests.Commands;

/// <summary>
/// The parser's shortcuts for the common case must answer exactly as the general path they stand in
/// for: each test feeds the same inputs to both.
/// </summary>
public sealed class ParserFastPathTests
{
    public static TheoryData<string> IntegerTokens =>
    [
        "", "0", "-0", "+0", "7", "+7", "-7", "-", "+", "--1", "+-1", "007", "2d6", "1_000", "1,000", "1.0", "1.5", "1e3",
        " 1", "1 ", "1\0", "0x10", "١٢", "１２", "123456789012345678", "-123456789012345678", "999999999999999999",
        "1234567890123456789", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "99999999999999999999",
    ];

    [Theory]
    [MemberData(nameof(IntegerTokens))]
    public void TryParseShortInteger_AnyToken_AgreesWithLongTryParse(string token)
    {
        var general = long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var expected);
        if (CommandValueParsers.TryParseShortInteger(token, out var value))
        {
            Assert.True(general, $"'{token}' parsed by the short path only");
            Assert.Equal(expected, value);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("42")]
    [InlineData("-42")]
    [InlineData("+42")]
    [InlineData("123456789012345678")]
    public void TryParseShortInteger_SignAndFewDigits_IsTaken(string token) =>
        Assert.True(CommandValueParsers.TryParseShortInteger(token, out _));

    [Theory]
    [MemberData(nameof(IntegerTokens))]
    public void TryParseInteger_AnyToken_AgreesWithTheGeneralParse(string token)
    {
        // The parse as it was before the short path: long.TryParse, else a whole decimal.
        var expectedOk = long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var expected);
        if (!expectedOk && CommandValueParsers.TryParseNumber(token, out var number) && Math.Floor(number) == number && number is >= long.MinValue and < long.MaxValue)
        {
            expectedOk = true;
            expected = (long)number;
        }
        Assert.Equal(expectedOk, CommandValueParsers.TryParseInteger(token, out var value));
        Assert.Equal(expectedOk ? expected : 0, value);
    }

    [Fact]
    public void FindShortOption_EveryCharacter_AgreesWithTheAliasTable()
    {
        var signature = new CommandSignature(
            [],
            [
                new OptionDeclaration("times", ["-t", "--times"], CommandValueKind.PositiveInteger, takesValue: true),
                new OptionDeclaration("loud", ["-L"], CommandValueKind.Boolean, takesValue: false),
                new OptionDeclaration("seven", ["-7"], CommandValueKind.Boolean, takesValue: false),
                new OptionDeclaration("hash", ["#", "-#"], CommandValueKind.Boolean, takesValue: false),
                new OptionDeclaration("rest", ["--"], CommandValueKind.Boolean, takesValue: false),
                new OptionDeclaration("wide", ["-宽"], CommandValueKind.Boolean, takesValue: false),
                new OptionDeclaration("mode", ["-m"], CommandValueKind.String, takesValue: true),
                new OptionDeclaration("mode", ["-A"], CommandValueKind.String, takesValue: false) { FixedValue = new CommandValue(CommandValueKind.String, "adv") },
            ]);
        AssertAgrees(signature);
    }

    [Fact]
    public void FindShortOption_TooManyOptionsForTheTable_StillAgrees()
    {
        var options = new OptionDeclaration[300];
        for (var i = 0; i < options.Length; i++)
        {
            string[] aliases = i < 90 ? [$"-{(char)('!' + i)}", $"--o{i}"] : [$"--o{i}"];
            options[i] = new OptionDeclaration($"o{i}", aliases, CommandValueKind.Boolean, takesValue: false);
        }
        AssertAgrees(new CommandSignature([], options));
    }

    [Theory]
    [InlineData("roll")]
    [InlineData("ROLL")]
    [InlineData("Roll")]
    [InlineData("r")]
    [InlineData("roll-stats")]
    [InlineData("roll_stats")]
    [InlineData("Roll_Stats")]
    [InlineData("市场")]
    [InlineData("market")]
    [InlineData("rol")]
    [InlineData("rolll")]
    [InlineData("")]
    [InlineData("a-name-longer-than-the-stack-buffer-the-lookup-uses-for-normalizing-names")]
    [InlineData("A_NAME_LONGER_THAN_THE_STACK_BUFFER_THE_LOOKUP_USES_FOR_NORMALIZING_NAMES")]
    public void TryGet_SpanOfALine_AgreesWithTheStringLookup(string name)
    {
        var registry = new CommandRegistry();
        registry.Add(new CommandDefinition("roll", new CommandSignature([], []), static _ => default) { Aliases = ["r"] });
        registry.Add(new CommandDefinition("roll-stats", new CommandSignature([], []), static _ => default));
        registry.Add(new CommandDefinition("market", new CommandSignature([], []), static _ => default) { Aliases = ["市场 China"] });
        registry.Add(new CommandDefinition("a-name-longer-than-the-stack-buffer-the-lookup-uses-for-normalizing-names", new CommandSignature([], []), static _ => default));

        var line = $"!{name} 2d6";
        var found = registry.TryGet(line.AsSpan(1, name.Length), out var command, out var preset);

        // The string lookup as it was: the name as given, else normalized, then the alias's preset.
        var expectedFound = registry.Commands.FirstOrDefault(c => c.Name == name || c.Aliases.Any(a => a.Split(' ')[0] == name))
            ?? registry.Commands.FirstOrDefault(c => c.Name == Normalize(name) || c.Aliases.Any(a => a.Split(' ')[0] == Normalize(name)));
        Assert.Equal(expectedFound is not null, found);
        Assert.Same(expectedFound, found ? command : null);
        Assert.Equal(registry.TryGet(name, out var byString, out var stringPreset), found);
        Assert.Same(found ? byString : null, found ? command : null);
        Assert.Equal(stringPreset, preset);
        Assert.Equal(Normalize(name) == "市场" ? "China" : null, preset);
    }

    [Fact]
    public void CommandValue_TextGiven_IsThatText()
    {
        var value = new CommandValue(CommandValueKind.String, "2d6");
        Assert.True(value.IsSet);
        Assert.True(value.HasText);
        Assert.Same("2d6", value.Text);
        Assert.Equal("2d6", value.Span.ToString());
    }

    [Fact]
    public void CommandValue_EmptyText_IsSetWithoutText()
    {
        var value = new CommandValue(CommandValueKind.String, "");
        Assert.True(value.IsSet);
        Assert.False(value.HasText);
        Assert.Equal("", value.Text);
    }

    [Fact]
    public void CommandValue_TokenOfALine_CopiesOnlyThatToken()
    {
        var value = new CommandValue(CommandValueKind.Integer, "roll 2d6 -t 3", 12, 1, integer: 3);
        Assert.True(value.IsSet);
        Assert.True(value.HasText);
        Assert.Equal("3", value.Text);
        Assert.Equal("3", value.Span.ToString());
        Assert.Equal(3, value.Integer);
    }

    [Fact]
    public void CommandValue_Default_IsUnset()
    {
        CommandValue value = default;
        Assert.False(value.IsSet);
        Assert.False(value.HasText);
        Assert.Equal("", value.Text);
        Assert.True(value.Span.IsEmpty);
    }

    private static void AssertAgrees(CommandSignature signature)
    {
        for (var c = '\0'; c < 0x3000; c++)
        {
            Assert.Equal(signature.FindOption(['-', c]), signature.FindShortOption(c));
        }
        Assert.Equal(signature.FindOption("-宽"), signature.FindShortOption('宽'));
    }

    private static string Normalize(string name) => name.ToLowerInvariant().Replace('_', '-');
}
