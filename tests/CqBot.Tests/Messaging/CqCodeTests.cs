namespace CqBot.Tests.Messaging;

public sealed class CqCodeTests
{
    [Fact]
    public void Escape_TextWithSpecials_EscapesAmpersandAndBracketsOnly()
    {
        Assert.Equal("&#91;a&#93;,&amp;b", CqCode.Escape("[a],&b"));
    }

    [Fact]
    public void Escape_TextWithoutSpecials_ReturnsSameInstance()
    {
        var text = "plain, text";

        Assert.Same(text, CqCode.Escape(text));
    }

    [Fact]
    public void EscapeParameterValue_ValueWithSpecials_EscapesCommaToo()
    {
        Assert.Equal("&#91;a&#93;&#44;&amp;b", CqCode.EscapeParameterValue("[a],&b"));
    }

    [Fact]
    public void Escape_ProducedEntity_IsNotEscapedTwice()
    {
        Assert.Equal("&amp;#91;", CqCode.Escape("&#91;"));
    }

    [Fact]
    public void Unescape_EscapedAmpersandBeforeEntityText_KeepsEntityTextLiteral()
    {
        Assert.Equal("&#91;", CqCode.Unescape("&amp;#91;"));
    }

    [Fact]
    public void Unescape_UnknownEntities_StayLiteral()
    {
        Assert.Equal("&lt; & &#9 &", CqCode.Unescape("&lt; & &#9 &amp;"));
    }

    [Fact]
    public void Unescape_LongText_UsesWholeInput()
    {
        var escaped = new string('x', 1000) + "&#44;" + new string('y', 1000);

        Assert.Equal(new string('x', 1000) + "," + new string('y', 1000), CqCode.Unescape(escaped));
    }
}
