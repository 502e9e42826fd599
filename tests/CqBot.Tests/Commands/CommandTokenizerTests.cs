using CqBot.Commands;

namespace CqBot.Tests.Commands;

public sealed class CommandTokenizerTests
{
    private static string[] Contents(string input) => CommandTokenizer.Tokenize(input).Tokens.Select(t => t.Content(input).ToString()).ToArray();

    [Theory]
    [InlineData("roll 2d6", new[] { "roll", "2d6" })]
    [InlineData("  a   b\tc ", new[] { "a", "b", "c" })]
    [InlineData("say \"a b\" c", new[] { "say", "a b", "c" })]
    [InlineData("say 'a b'", new[] { "say", "a b" })]
    [InlineData("say “你 好” x", new[] { "say", "你 好", "x" })]
    [InlineData("say ‘a b’", new[] { "say", "a b" })]
    [InlineData("say \"\"", new[] { "say", "" })]
    [InlineData("say a\"b c\"", new[] { "say", "a\"b", "c\"" })]
    [InlineData("hug [CQ:at,qq=1,name=a b] now", new[] { "hug", "[CQ:at,qq=1,name=a b]", "now" })]
    public void Tokenize_Input_SplitsIntoTokens(string input, string[] expected) =>
        Assert.Equal(expected, Contents(input));

    [Fact]
    public void Tokenize_UnclosedQuote_ReportsWhereItStarts()
    {
        var (tokens, _, unclosed) = CommandTokenizer.Tokenize("say \"a b");
        Assert.Equal(["say"], tokens.Select(t => t.Content("say \"a b").ToString()));
        Assert.Equal(4, unclosed);
    }

    [Fact]
    public void Tokenize_QuotedToken_IsMarkedQuoted()
    {
        var tokens = CommandTokenizer.Tokenize("\"-a\" -a").Tokens;
        Assert.True(tokens[0].Quoted);
        Assert.False(tokens[1].Quoted);
    }

    [Fact]
    public void Tokenize_Terminator_StopsThere()
    {
        var (tokens, stop, _) = CommandTokenizer.Tokenize("foo;bar baz", 0, ';');
        Assert.Equal(["foo"], tokens.Select(t => t.Content("foo;bar baz").ToString()));
        Assert.Equal(3, stop);
    }

    [Fact]
    public void Tokenize_Empty_ReturnsNoTokens() => Assert.Empty(CommandTokenizer.Tokenize("   ").Tokens);
}
