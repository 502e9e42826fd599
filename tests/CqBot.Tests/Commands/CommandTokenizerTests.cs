using CqBot.Commands;

namespace CqBot.Tests.Commands;

public sealed class CommandTokenizerTests
{
    [Theory]
    [InlineData("roll 2d6", new[] { "roll", "2d6" })]
    [InlineData("  a   b\tc ", new[] { "a", "b", "c" })]
    [InlineData("say \"a b\" c", new[] { "say", "a b", "c" })]
    [InlineData("say 'a b'", new[] { "say", "a b" })]
    [InlineData("say “你 好” x", new[] { "say", "你 好", "x" })]
    [InlineData("say ‘a b’", new[] { "say", "a b" })]
    [InlineData("say \"\"", new[] { "say", "" })]
    [InlineData("say a\"b c\"", new[] { "say", "a\"b", "c\"" })]
    public void Tokenize_Input_SplitsIntoTokens(string input, string[] expected) =>
        Assert.Equal(expected, CommandTokenizer.Tokenize(input));

    [Fact]
    public void Tokenize_UnclosedQuote_KeepsTheQuoteAsText() =>
        Assert.Equal(["say", "\"a", "b"], CommandTokenizer.Tokenize("say \"a b"));

    [Fact]
    public void Tokenize_Empty_ReturnsNoTokens() => Assert.Empty(CommandTokenizer.Tokenize("   "));
}
