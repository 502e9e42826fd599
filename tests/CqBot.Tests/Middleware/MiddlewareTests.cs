using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Tests.Middleware;

public sealed class MiddlewareTests
{
    private readonly DispatchHarness _harness = new(services => services.AddSingleton<CqBot.Tests.Commands.IGreetingSource, CqBot.Tests.Commands.FixedGreeting>());

    [Fact]
    public async Task Use_MiddlewareReturnsText_RepliesAndStops()
    {
        _harness.Dispatcher.Use((session, next) => session.Content == "ping" ? new ValueTask<Message?>("pong") : next());
        Assert.Equal("pong", await _harness.SendGroupAsync("ping"));
    }

    [Fact]
    public async Task Use_MiddlewareReturnsNext_ReachesCommands()
    {
        var seen = new List<string>();
        _harness.Dispatcher.Use(async (session, next) =>
        {
            seen.Add(session.Content);
            return await next();
        });
        Assert.Equal("3", await _harness.SendGroupAsync("add 1 2"));
        Assert.Equal(["add 1 2"], seen);
    }

    [Fact]
    public async Task Use_MiddlewareReturnsNull_StopsSilently()
    {
        _harness.Dispatcher.Use((_, _) => new ValueTask<Message?>((Message?)null));
        Assert.Null(await _harness.SendGroupAsync("add 1 2"));
    }

    [Fact]
    public async Task Use_Prepend_RunsBeforeEarlierMiddleware()
    {
        var order = new List<string>();
        _harness.Dispatcher.Use(async (_, next) => { order.Add("normal"); return await next(); });
        _harness.Dispatcher.Use(async (_, next) => { order.Add("prepended"); return await next(); }, prepend: true);
        await _harness.SendGroupAsync("hello");
        Assert.Equal(["prepended", "normal"], order);
    }

    [Fact]
    public async Task Use_DisposeRegistration_RemovesMiddleware()
    {
        var registration = _harness.Dispatcher.Use((_, _) => new ValueTask<Message?>("intercepted"));
        registration.Dispose();
        Assert.Equal("3", await _harness.SendGroupAsync("add 1 2"));
    }

    [Fact]
    public async Task Next_WithTemporaryMiddleware_RunsItAfterTheChain()
    {
        var order = new List<string>();
        _harness.Dispatcher.Use(async (_, next) =>
        {
            order.Add("first");
            return await next((_, innerNext) =>
            {
                order.Add("temporary");
                return innerNext();
            });
        });
        _harness.Dispatcher.Use(async (_, next) => { order.Add("second"); return await next(); });
        await _harness.SendGroupAsync("not a command");
        Assert.Equal(["first", "second", "temporary"], order);
    }

    [Fact]
    public async Task ErrorEvent_MiddlewareThrows_IsRaisedWithTheException()
    {
        Exception? seen = null;
        _harness.Dispatcher.Error += (_, exception) => seen = exception;
        using var registration = _harness.Dispatcher.Use((_, _) => throw new InvalidOperationException("bug"));
        await _harness.SendGroupAsync("hello");
        Assert.Equal("bug", Assert.IsType<InvalidOperationException>(seen).Message);
    }

    [Fact]
    public async Task ErrorEvent_CommandThrows_IsRaised()
    {
        Exception? seen = null;
        _harness.Dispatcher.Error += (_, exception) => seen = exception;
        await _harness.SendGroupAsync("boom");
        Assert.Equal("handler bug", seen?.Message);
    }

    [Fact]
    public async Task AfterMiddlewareEvent_SeesTheReply()
    {
        Message? seen = null;
        _harness.Dispatcher.AfterMiddleware += (_, reply) => seen = reply;
        await _harness.SendGroupAsync("add 1 2");
        Assert.Equal("3", seen?.GetPlainText());
    }

    [Fact]
    public async Task Dispatch_MiddlewareThrows_NoReplyAndNextEventStillHandled()
    {
        var registration = _harness.Dispatcher.Use((_, _) => throw new InvalidOperationException("bug"));
        Assert.Null(await _harness.SendGroupAsync("add 1 2"));
        registration.Dispose();
        Assert.Equal("3", await _harness.SendGroupAsync("add 1 2"));
    }
}
