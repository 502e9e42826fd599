using Verify = CqBot.CodeFixes.Tests.Support.DeclarationCodeFixVerifier<CqBot.CodeFixes.ArgumentParameterCodeFixProvider>;

namespace CqBot.CodeFixes.Tests;

public sealed class OptionParameterCodeFixTests
{
    private const string Add = "AddParameterForArgument";
    private const string Rename = "RenameParameterToArgument";

    [Fact]
    public async Task FlagWithoutParameter_GetsBoolDefaultingToFalse()
    {
        await Verify.VerifyAsync("""
            using CqBot;

            public partial class Dice
            {
                [Command("roll <dice>")]
                [Option("loud", {|CQB2009:"-l"|})]
                public string Roll(string dice) => dice;
            }
            """, """
            using CqBot;

            public partial class Dice
            {
                [Command("roll <dice>")]
                [Option("loud", "-l")]
                public string Roll(string dice, bool loud = false) => dice;
            }
            """, Add);
    }

    [Fact]
    public async Task ValuedOptionWithoutParameter_GetsNullableParameterOfItsType()
    {
        await Verify.VerifyAsync("""
            using CqBot;

            public partial class Dice
            {
                [Command("roll <dice>")]
                [Option("times", {|CQB2009:"-t <count:posint>"|})]
                public string Roll(string dice) => dice;
            }
            """, """
            using CqBot;

            public partial class Dice
            {
                [Command("roll <dice>")]
                [Option("times", "-t <count:posint>")]
                public string Roll(string dice, int? times) => dice;
            }
            """, Add);
    }

    [Fact]
    public async Task MisspelledOptionParameter_IsRenamed()
    {
        await Verify.VerifyAsync("""
            using CqBot;

            public partial class Dice
            {
                [Command("roll <dice>")]
                [Option("times", {|CQB2009:"-t <count:posint>"|})]
                public string Roll(string dice, int tiems = 1) => dice + tiems;
            }
            """, """
            using CqBot;

            public partial class Dice
            {
                [Command("roll <dice>")]
                [Option("times", "-t <count:posint>")]
                public string Roll(string dice, int times = 1) => dice + times;
            }
            """, Rename);
    }
}
