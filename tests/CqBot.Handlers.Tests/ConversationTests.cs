using CqBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Handlers.Tests;

/// <summary>Prompts on the production pipeline: per-chat ordering, the test clock, shutdown.</summary>
public sealed class ConversationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static Task<TestBot> StartAsync() => TestBot.StartAsync(builder =>
    {
        builder.Services.AddSingleton<IWelcomeText, WelcomeText>();
        // Several replies go to one group here; the send rate limit has tests of its own.
        builder.Services.Configure<CqBot.Hosting.BotOptions>(options => options.RateLimit.Enabled = false);
        builder.AddPlugin(new CqBot.Generated.ApplicationPlugin());
    });

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true in time");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task TwoStepConversation_TheAnswerGoesToThePromptAndRunsNothingElse()
    {
        await using var bot = await StartAsync();
        using var name = bot.App.Use(async (session, next) =>
        {
            if (session.PlainText != "register")
            {
                return await next();
            }
            var answer = await session.PromptAsync("你叫什么名字？");
            return answer.IsAnswered ? "你好，" + answer.PlainText : "没等到回答。";
        }, prepend: true);

        var question = await bot.ReceiveGroupMessageAsync(1, 42, "register");
        // "ping" would be answered "pong" by the test handlers: as an answer it must not be.
        var answer = await bot.ReceiveGroupMessageAsync(1, 42, "ping");

        Assert.Equal("你叫什么名字？", question.Text);
        Assert.Equal("你好，ping", answer.Text);
        Assert.Equal(2, bot.Calls.Count);
    }

    [Fact]
    public async Task TestBot_ReadsAConversationAsQuestionAnswerQuestion()
    {
        await using var bot = await StartAsync();
        using var age = UseAgePrompt(bot);

        Assert.Equal("几岁？", (await bot.ReceivePrivateMessageAsync(42, "age")).Text);
        Assert.Equal("请提供一个整数。", (await bot.ReceivePrivateMessageAsync(42, "twelve")).Text);
        Assert.Equal("13 next year", (await bot.ReceivePrivateMessageAsync(42, "12")).Text);
        Assert.Equal(0, bot.App.Services.GetRequiredService<EventDispatcher>().WaitingPrompts);
    }

    [Fact]
    public async Task ConversationInAGroup_OtherUsersAreServedMeanwhile()
    {
        await using var bot = await StartAsync();
        using var ask = UsePrompt(bot);

        var asking = bot.PostAsync(bot.GroupMessage(1, 42, "ask"));
        await WaitUntilAsync(() => bot.Calls.Count == 1);
        var other = await bot.ReceiveGroupMessageAsync(1, 43, "ping");
        await bot.ReceiveGroupMessageAsync(1, 42, "yes");
        await asking.WaitAsync(Wait);

        Assert.Equal("pong", other.Text);
        Assert.Equal("got yes", bot.Calls[^1].MessageText);
    }

    [Fact]
    public async Task SeveralUsersOfOneGroup_MidConversationAtOnce_EachGetsTheirOwnAnswer()
    {
        await using var bot = await StartAsync();
        using var ask = UsePrompt(bot);

        var first = bot.PostAsync(bot.GroupMessage(1, 42, "ask"));
        var second = bot.PostAsync(bot.GroupMessage(1, 43, "ask"));
        await WaitUntilAsync(() => bot.App.Services.GetRequiredService<EventDispatcher>().WaitingPrompts == 2);
        await bot.ReceiveGroupMessageAsync(1, 43, "B");
        await bot.ReceiveGroupMessageAsync(1, 42, "A");
        await Task.WhenAll(first, second).WaitAsync(Wait);

        Assert.Contains(bot.Calls, call => call.MessageText == "got A");
        Assert.Contains(bot.Calls, call => call.MessageText == "got B");
    }

    [Fact]
    public async Task Prompt_NoAnswerWithinTheTimeout_TimesOutOnTheBotsClock()
    {
        await using var bot = await StartAsync();
        using var ask = UsePrompt(bot);

        var question = await bot.ReceiveGroupMessageAsync(1, 42, "ask");
        bot.Clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(50);
        Assert.Equal(["确定吗？"], bot.Calls.Select(call => call.MessageText));
        bot.Clock.Advance(TimeSpan.FromSeconds(2));
        await WaitUntilAsync(() => bot.Calls.Count == 2);

        Assert.Equal("确定吗？", question.Text);
        Assert.Equal("TimedOut", bot.Calls[^1].MessageText);
    }

    [Fact]
    public async Task TypedPrompt_AsksAgainWithTheLocalisedErrorUntilTheAnswerParses()
    {
        await using var bot = await StartAsync();
        using var age = UseAgePrompt(bot);

        var asking = bot.PostAsync(bot.PrivateMessage(42, "age"));
        await AnswerEachQuestionAsync(bot, "twelve", "12.5", "12");
        await asking.WaitAsync(Wait);

        Assert.Equal(["几岁？", "请提供一个整数。", "请提供一个整数。", "13 next year"], bot.Calls.Select(call => call.MessageText));
    }

    [Fact]
    public async Task TypedPrompt_NeverParsing_EndsInvalidAfterTheAttempts()
    {
        await using var bot = await StartAsync();
        using var age = bot.App.Use(async (session, next) =>
            session.PlainText != "age" ? await next() : (await session.PromptAsync<int>("几岁？", maxAttempts: 2)).Outcome.ToString(), prepend: true);

        var asking = bot.PostAsync(bot.PrivateMessage(42, "age"));
        await AnswerEachQuestionAsync(bot, "a", "b");
        await asking.WaitAsync(Wait);

        Assert.Equal("Invalid", bot.Calls[^1].MessageText);
    }

    [Fact]
    public async Task Shutdown_WhileAPromptWaits_ThePromptEndsCancelled()
    {
        var outcome = new TaskCompletionSource<PromptOutcome>();
        var bot = await StartAsync();
        bot.App.Use(async (session, next) =>
        {
            var answer = await session.PromptAsync("还在吗？");
            outcome.TrySetResult(answer.Outcome);
            return null;
        }, prepend: true);
        _ = bot.PostAsync(bot.PrivateMessage(42, "hello"));
        await WaitUntilAsync(() => bot.Calls.Count == 1);

        await bot.DisposeAsync();

        Assert.Equal(PromptOutcome.Cancelled, await outcome.Task.WaitAsync(Wait));
    }

    // Answers the n-th question once it was sent and the prompt listens.
    private static async Task AnswerEachQuestionAsync(TestBot bot, params string[] answers)
    {
        var dispatcher = bot.App.Services.GetRequiredService<EventDispatcher>();
        for (var i = 0; i < answers.Length; i++)
        {
            var asked = i + 1;
            await WaitUntilAsync(() => bot.Calls.Count >= asked && dispatcher.WaitingPrompts == 1);
            await bot.ReceivePrivateMessageAsync(42, answers[i]);
        }
    }

    private static IDisposable UseAgePrompt(TestBot bot) => bot.App.Use(async (session, next) =>
    {
        if (session.PlainText != "age")
        {
            return await next();
        }
        var answer = await session.PromptAsync<int>("几岁？", maxAttempts: 3);
        return answer.IsAnswered ? $"{answer.Value + 1} next year" : answer.Outcome.ToString();
    }, prepend: true);

    private static IDisposable UsePrompt(TestBot bot) => bot.App.Use(async (session, next) =>
    {
        if (session.PlainText != "ask")
        {
            return await next();
        }
        var answer = await session.PromptAsync("确定吗？");
        return answer.IsAnswered ? "got " + answer.PlainText : answer.Outcome.ToString();
    }, prepend: true);
}
