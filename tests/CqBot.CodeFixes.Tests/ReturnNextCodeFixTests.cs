using Verify = CqBot.CodeFixes.Tests.Support.CodeFixVerifier<CqBot.Analyzers.MiddlewareNextAnalyzer, CqBot.CodeFixes.ReturnNextCodeFixProvider>;

namespace CqBot.CodeFixes.Tests;

public sealed class ReturnNextCodeFixTests
{
    private static string Bot(string body) => $$"""
        using System.Threading.Tasks;
        using CqBot;

        public static class Bot
        {
            public static void Configure(EventDispatcher dispatcher)
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public async Task AwaitedNextDropped_InAsyncLambda_BecomesReturnAwaitAndDropsReturnNull()
    {
        await Verify.VerifyAsync(Bot("""
                    dispatcher.Use(async (session, next) =>
                    {
                        System.Console.WriteLine(session.Content);
                        await {|CQB1002:next()|};
                        return null;
                    });
            """), Bot("""
                    dispatcher.Use(async (session, next) =>
                    {
                        System.Console.WriteLine(session.Content);
                        return await next();
                    });
            """));
    }

    [Fact]
    public async Task NextNotAwaited_InAsyncLambda_IsAwaitedAndReturned()
    {
        await Verify.VerifyAsync(Bot("""
                    dispatcher.Use(async (session, next) =>
                    {
                        {|CQB1001:next()|};
                        return null;
                    });
            """), Bot("""
                    dispatcher.Use(async (session, next) =>
                    {
                        return await next();
                    });
            """));
    }

    [Fact]
    public async Task NextNotAwaited_InSyncLambda_IsReturned()
    {
        await Verify.VerifyAsync(Bot("""
                    dispatcher.Use((session, next) =>
                    {
                        {|CQB1001:next()|};
                        return new ValueTask<Message?>((Message?)null);
                    });
            """), Bot("""
                    dispatcher.Use((session, next) =>
                    {
                        return next();
                    });
            """));
    }

    [Fact]
    public async Task NextAssignedToDiscard_IsReturned()
    {
        await Verify.VerifyAsync(Bot("""
                    dispatcher.Use((session, next) =>
                    {
                        _ = {|CQB1001:next()|};
                        return new ValueTask<Message?>((Message?)null);
                    });
            """), Bot("""
                    dispatcher.Use((session, next) =>
                    {
                        return next();
                    });
            """));
    }

    [Fact]
    public async Task ConfigureAwaitKept_InAsyncLambda()
    {
        await Verify.VerifyAsync(Bot("""
                    dispatcher.Use(async (session, next) =>
                    {
                        await {|CQB1002:next()|}.ConfigureAwait(false);
                        return null;
                    });
            """), Bot("""
                    dispatcher.Use(async (session, next) =>
                    {
                        return await next().ConfigureAwait(false);
                    });
            """));
    }

    [Fact]
    public async Task OwnReplyAfterNext_IsKept()
    {
        // The middleware's own answer is not dropped: the author decides what to do with it.
        await Verify.VerifyAsync(Bot("""
                    dispatcher.Use(async (session, next) =>
                    {
                        if (session.Content == "ping")
                        {
                            await {|CQB1002:next()|};
                        }
                        return "pong";
                    });
            """), Bot("""
                    dispatcher.Use(async (session, next) =>
                    {
                        if (session.Content == "ping")
                        {
                            return await next();
                        }
                        return "pong";
                    });
            """));
    }

    [Fact]
    public async Task MethodGroupMiddleware_IsFixedInItsLocalFunction()
    {
        await Verify.VerifyAsync(Bot("""
                    dispatcher.Use(Handle);

                    static async ValueTask<Message?> Handle(Session session, Next next)
                    {
                        {|CQB1001:next()|};
                        return null;
                    }
            """), Bot("""
                    dispatcher.Use(Handle);

                    static async ValueTask<Message?> Handle(Session session, Next next)
                    {
                        return await next();
                    }
            """));
    }

    [Fact]
    public async Task NextInsideNonMiddlewareFunction_OffersNoFix()
    {
        // A void local function cannot return the reply.
        await Verify.VerifyNoFixAsync(Bot("""
                    dispatcher.Use((session, next) =>
                    {
                        void Continue() => {|CQB1001:next()|};
                        Continue();
                        return new ValueTask<Message?>((Message?)null);
                    });
            """));
    }

    [Fact]
    public async Task SeveralMiddlewares_AreAllFixed()
    {
        await Verify.VerifyAsync(Bot("""
                    dispatcher.Use(async (session, next) =>
                    {
                        await {|CQB1002:next()|};
                        return null;
                    });
                    dispatcher.Use((session, next) =>
                    {
                        {|CQB1001:next()|};
                        return default;
                    });
                    dispatcher.Use(async (session, next) =>
                    {
                        _ = await {|CQB1002:next()|};
                        return default(Message);
                    });
            """), Bot("""
                    dispatcher.Use(async (session, next) =>
                    {
                        return await next();
                    });
                    dispatcher.Use((session, next) =>
                    {
                        return next();
                    });
                    dispatcher.Use(async (session, next) =>
                    {
                        return await next();
                    });
            """));
    }
}
