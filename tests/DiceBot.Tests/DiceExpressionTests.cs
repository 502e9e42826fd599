namespace DiceBot.Tests;

public sealed class DiceExpressionTests
{
    [Theory]
    [InlineData("2d6", 2, 6, 0)]
    [InlineData("d20+3", 1, 20, 3)]
    [InlineData("4D8-2", 4, 8, -2)]
    public void TryParse_ValidExpression_ReadsParts(string text, int count, int sides, int modifier)
    {
        Assert.True(DiceExpression.TryParse(text, out var expression, out _));
        Assert.Equal(new DiceExpression(count, sides, modifier), expression);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2d")]
    [InlineData("0d6")]
    [InlineData("101d6")]
    [InlineData("2d6+")]
    [InlineData("-2d6")]
    public void TryParse_InvalidExpression_ExplainsTheProblem(string text)
    {
        Assert.False(DiceExpression.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Roll_ManyTimes_StaysWithinSides()
    {
        var expression = new DiceExpression(50, 6, 0);
        var rolls = expression.Roll(new Random(1));
        Assert.Equal(50, rolls.Length);
        Assert.All(rolls, roll => Assert.InRange(roll, 1, 6));
    }
}
