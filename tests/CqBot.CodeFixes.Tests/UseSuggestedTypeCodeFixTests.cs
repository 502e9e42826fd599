using Verify = CqBot.CodeFixes.Tests.Support.DeclarationCodeFixVerifier<CqBot.CodeFixes.UseSuggestedTypeCodeFixProvider>;

namespace CqBot.CodeFixes.Tests;

public sealed class UseSuggestedTypeCodeFixTests
{
    [Fact]
    public async Task MisspelledArgumentType_IsReplacedBySuggestion()
    {
        await Verify.VerifyAsync("""
            using CqBot;

            public partial class Dice
            {
                [Command("roll <sides:{|CQB2002:nubmer|}> [times:posint]")]
                public string Roll(double sides, int times = 1) => "6";
            }
            """, """
            using CqBot;

            public partial class Dice
            {
                [Command("roll <sides:number> [times:posint]")]
                public string Roll(double sides, int times = 1) => "6";
            }
            """);
    }

    [Fact]
    public async Task MisspelledOptionType_IsReplacedInTheOptionsString()
    {
        await Verify.VerifyAsync("""
            using CqBot;

            public partial class Dice
            {
                [Command("roll")]
                [Option("times", "-t <count:{|CQB2002:interger|}>")]
                public string Roll(int times = 1) => "6";
            }
            """, """
            using CqBot;

            public partial class Dice
            {
                [Command("roll")]
                [Option("times", "-t <count:integer>")]
                public string Roll(int times = 1) => "6";
            }
            """);
    }

    [Fact]
    public async Task TypeFarFromAny_OffersNoFix()
    {
        await Verify.VerifyNoFixAsync("""
            using CqBot;

            public partial class Paint
            {
                [Command("paint <shade:{|CQB2002:color|}>")]
                public string Go(string shade) => shade;
            }
            """);
    }

    [Fact]
    public async Task SeveralMisspelledTypes_AreAllReplaced()
    {
        await Verify.VerifyAsync("""
            using CqBot;

            public partial class Tools
            {
                [Command("roll <sides:{|CQB2002:nubmer|}> <times:{|CQB2002:posnit|}>")]
                public string Roll(double sides, int times) => "6";

                [Command("greet <name:{|CQB2002:strnig|}>")]
                public string Greet(string name) => name;
            }
            """, """
            using CqBot;

            public partial class Tools
            {
                [Command("roll <sides:number> <times:posint>")]
                public string Roll(double sides, int times) => "6";

                [Command("greet <name:string>")]
                public string Greet(string name) => name;
            }
            """);
    }
}
