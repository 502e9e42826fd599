using VerifyCheck = CqBot.CodeFixes.Tests.Support.CodeFixVerifier<CqBot.Analyzers.CheckTargetAnalyzer, CqBot.CodeFixes.UseSuggestedNameCodeFixProvider>;
using VerifyEvent = CqBot.CodeFixes.Tests.Support.CodeFixVerifier<CqBot.Analyzers.HandlerEventNameAnalyzer, CqBot.CodeFixes.UseSuggestedNameCodeFixProvider>;

namespace CqBot.CodeFixes.Tests;

public sealed class UseSuggestedNameCodeFixTests
{
    [Fact]
    public async Task CheckNamingMisspelledCommand_IsReplacedBySuggestion()
    {
        await VerifyCheck.VerifyAsync("""
            using CqBot;

            public partial class Admin
            {
                [Command("kick <user:user>")]
                public string Kick(long user) => "bye";

                [Check({|CQB2015:"kcik"|})]
                public bool OnlyOwner(Session session) => true;
            }
            """, """
            using CqBot;

            public partial class Admin
            {
                [Command("kick <user:user>")]
                public string Kick(long user) => "bye";

                [Check("kick")]
                public bool OnlyOwner(Session session) => true;
            }
            """);
    }

    [Fact]
    public async Task CheckNamingNothingNear_OffersNoFix()
    {
        await VerifyCheck.VerifyNoFixAsync("""
            using CqBot;

            public partial class Admin
            {
                [Command("kick <user:user>")]
                public string Kick(long user) => "bye";

                [Check({|CQB2015:"weather"|})]
                public bool OnlyOwner(Session session) => true;
            }
            """);
    }

    [Fact]
    public async Task SeveralMisspelledChecks_AreAllReplaced()
    {
        await VerifyCheck.VerifyAsync("""
            using CqBot;

            public partial class Admin
            {
                [Command("kick <user:user>")]
                public string Kick(long user) => "bye";

                [Command("ban <user:user>")]
                public string Ban(long user) => "banned";

                [Check({|CQB2015:"kcik"|})]
                public bool OnlyOwner(Session session) => true;

                [Check({|CQB2015:"bna"|})]
                public bool OnlyAdmin(Session session) => true;
            }
            """, """
            using CqBot;

            public partial class Admin
            {
                [Command("kick <user:user>")]
                public string Kick(long user) => "bye";

                [Command("ban <user:user>")]
                public string Ban(long user) => "banned";

                [Check("kick")]
                public bool OnlyOwner(Session session) => true;

                [Check("ban")]
                public bool OnlyAdmin(Session session) => true;
            }
            """);
    }

    [Fact]
    public async Task MisspelledEventTypeAndSubType_AreReplacedBySuggestions()
    {
        await VerifyEvent.VerifyAsync("""
            using CqBot;

            public partial class Greeter
            {
                [OnNotice({|CQB2104:"group_increse"|}, {|CQB2104:"aprove"|})]
                public string Welcome() => "welcome";
            }
            """, """
            using CqBot;

            public partial class Greeter
            {
                [OnNotice("group_increase", "approve")]
                public string Welcome() => "welcome";
            }
            """);
    }

    [Fact]
    public async Task EventTypeNearNothing_OffersNoFix()
    {
        await VerifyEvent.VerifyNoFixAsync("""
            using CqBot;

            public partial class Greeter
            {
                [OnNotice({|CQB2104:"my_own_thing"|})]
                public string Welcome() => "welcome";
            }
            """);
    }
}
