using Verify = CqBot.CodeFixes.Tests.Support.DeclarationCodeFixVerifier<CqBot.CodeFixes.ArgumentParameterCodeFixProvider>;

namespace CqBot.CodeFixes.Tests;

public sealed class ArgumentParameterCodeFixTests
{
    private const string Rename = "RenameParameterToArgument";
    private const string Add = "AddParameterForArgument";

    [Fact]
    public async Task OnlyUnmatchedParameter_IsRenamedWithItsReferences()
    {
        await Verify.VerifyAsync("""
            using CqBot;

            public partial class Dice
            {
                [Command("roll {|CQB2003:<dice:integer>|}")]
                public string Roll(int dices) => $"rolled {dices}";
            }
            """, """
            using CqBot;

            public partial class Dice
            {
                [Command("roll <dice:integer>")]
                public string Roll(int dice) => $"rolled {dice}";
            }
            """, Rename);
    }

    [Fact]
    public async Task NearestOfSeveralUnmatchedParameters_IsRenamed()
    {
        await Verify.VerifyAsync("""
            using System;
            using CqBot;

            public partial class Dice
            {
                [Command("roll {|CQB2003:<dice-count:integer>|}")]
                public string Roll(IServiceProvider services, int diceCuont) => diceCuont.ToString();
            }
            """, """
            using System;
            using CqBot;

            public partial class Dice
            {
                [Command("roll <dice-count:integer>")]
                public string Roll(IServiceProvider services, int diceCount) => diceCount.ToString();
            }
            """, Rename);
    }

    [Fact]
    public async Task NoUnmatchedParameter_OffersNoRename()
    {
        await Verify.VerifyNoFixAsync("""
            using CqBot;

            public partial class Dice
            {
                [Command("roll {|CQB2003:<dice:integer>|}")]
                public string Roll() => "4";
            }
            """, Rename);
    }

    [Fact]
    public async Task UnknownDeclaredType_OffersNoParameter()
    {
        // The generator cannot read a 'color', so there is no type to give the parameter.
        await Verify.VerifyNoFixAsync("""
            using CqBot;

            public partial class Paint
            {
                [Command("paint {|CQB2003:<shade:color>|}")]
                public string Go() => "done";
            }
            """, Add);
    }

    [Fact]
    public async Task RequiredArgument_GetsParameterOfItsType()
    {
        await Verify.VerifyAsync("""
            using CqBot;

            public partial class Dice
            {
                [Command("roll {|CQB2003:<dice:integer>|}")]
                public string Roll(Session session) => "4";
            }
            """, """
            using CqBot;

            public partial class Dice
            {
                [Command("roll <dice:integer>")]
                public string Roll(Session session, int dice) => "4";
            }
            """, Add);
    }

    [Fact]
    public async Task OptionalArgument_GetsNullableParameterBeforeDefaults()
    {
        await Verify.VerifyAsync("""
            using System.Threading;
            using CqBot;

            public partial class Greeter
            {
                [Command("greet <name> {|CQB2003:[times:posint]|}")]
                public string Greet(string name, CancellationToken cancellationToken = default) => name;
            }
            """, """
            using System.Threading;
            using CqBot;

            public partial class Greeter
            {
                [Command("greet <name> [times:posint]")]
                public string Greet(string name, int? times, CancellationToken cancellationToken = default) => name;
            }
            """, Add);
    }

    [Fact]
    public async Task EveryDeclaredType_MapsToItsParameterType()
    {
        await Verify.VerifyAsync("""
            using System;
            using CqBot;

            public partial class Everything
            {
                [Command("all {|CQB2003:<a>|} {|CQB2003:<c:number>|} {|CQB2003:<d:boolean>|} {|CQB2003:<e:date>|} {|CQB2003:<f:user>|} {|CQB2003:<b:text>|}")]
                public string All() => "";
            }
            """, """
            using System;
            using CqBot;

            public partial class Everything
            {
                [Command("all <a> <c:number> <d:boolean> <e:date> <f:user> <b:text>")]
                public string All(string a, double c, bool d, DateTimeOffset e, long f, string b) => "";
            }
            """, Add);
    }

    [Fact]
    public async Task SeveralCommandsMissingParameters_AreAllFixed()
    {
        await Verify.VerifyAsync("""
            using CqBot;

            public partial class Tools
            {
                [Command("roll {|CQB2003:<dice:integer>|}")]
                public string Roll() => "4";

                [Command("count {|CQB2003:[...words]|}")]
                public string Count() => "0";

                [Command("mute <who:user> {|CQB2003:[minutes:natural]|}")]
                public string Mute(long who) => "muted";
            }
            """, """
            using CqBot;

            public partial class Tools
            {
                [Command("roll <dice:integer>")]
                public string Roll(int dice) => "4";

                [Command("count [...words]")]
                public string Count(string[] words) => "0";

                [Command("mute <who:user> [minutes:natural]")]
                public string Mute(long who, int? minutes) => "muted";
            }
            """, Add);
    }
}
