using Verify = CqBot.CodeFixes.Tests.Support.DeclarationCodeFixVerifier<CqBot.CodeFixes.MakePartialCodeFixProvider>;

namespace CqBot.CodeFixes.Tests;

public sealed class MakePartialCodeFixTests
{
    [Fact]
    public async Task CommandClassNotPartial_GetsPartialAfterItsModifiers()
    {
        await Verify.VerifyAsync("""
            using CqBot;

            public sealed class {|CQB2005:Dice|}
            {
                [Command("roll")]
                public string Roll() => "4";
            }
            """, """
            using CqBot;

            public sealed partial class Dice
            {
                [Command("roll")]
                public string Roll() => "4";
            }
            """);
    }

    [Fact]
    public async Task PluginClassWithoutModifiers_GetsPartialAfterItsAttribute()
    {
        await Verify.VerifyAsync("""
            using CqBot;

            [Plugin]
            // The fortune plugin.
            class {|CQB2201:Fortune|}
            {
            }
            """, """
            using CqBot;

            [Plugin]
            // The fortune plugin.
            partial class Fortune
            {
            }
            """);
    }

    [Fact]
    public async Task NestedCommandClass_OffersNoFix()
    {
        // Partial or not, a nested class cannot declare commands: the fix would not help.
        await Verify.VerifyNoFixAsync("""
            using CqBot;

            public class Outer
            {
                public class {|CQB2005:Dice|}
                {
                    [Command("roll")]
                    public string Roll() => "4";
                }
            }
            """);
    }

    [Fact]
    public async Task SeveralClassesNotPartial_AreAllMadePartial()
    {
        await Verify.VerifyAsync("""
            using CqBot;

            public class {|CQB2005:Dice|}
            {
                [Command("roll")]
                public string Roll() => "4";
            }

            public static class {|CQB2005:Hooks|}
            {
                [OnMessage]
                public static string Echo(Session session) => session.Content;
            }

            internal sealed class {|CQB2005:Admin|}
            {
                [Command("kick")]
                public string Kick() => "bye";
            }
            """, """
            using CqBot;

            public partial class Dice
            {
                [Command("roll")]
                public string Roll() => "4";
            }

            public static partial class Hooks
            {
                [OnMessage]
                public static string Echo(Session session) => session.Content;
            }

            internal sealed partial class Admin
            {
                [Command("kick")]
                public string Kick() => "bye";
            }
            """);
    }
}
