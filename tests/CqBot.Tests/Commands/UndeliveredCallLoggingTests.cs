using CqBot.Infrastructure;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CqBot.Tests.Commands;

public partial class LookupCommands
{
    /// <summary>Calls the API itself, as a handler that looks something up does; or fails as such a call can.</summary>
    [Command("lookup <outcome>")]
    public static async Task<string> Lookup(Session session, string outcome, CancellationToken cancellationToken)
    {
        if (outcome == "api")
        {
            await session.Bot.CallAsync("get_status", cancellationToken: cancellationToken);
            return "found";
        }
        throw outcome switch
        {
            "lost" => new NetworkException("the connection was lost"),
            "refused" => new ActionFailedException("get_status", 100, "muted"),
            _ => new InvalidOperationException(outcome),
        };
    }
}

/// <summary>
/// A handler's API call that never reached the implementation is logged as one line without a stack
/// trace (and summarised when the host says so); any other failure keeps its trace.
/// </summary>
public sealed class UndeliveredCallLoggingTests
{
    private readonly RecordingLogger<EventDispatcher> _logger = new();

    [Fact]
    public async Task Command_WhoseCallCouldNotBeDelivered_LogsOneWarningLineWithoutTrace()
    {
        var harness = new DispatchHarness(logger: _logger);

        Assert.Equal(CommandTexts.ChineseSimplified.UnknownError, await harness.SendPrivateAsync("lookup lost"));

        var entry = Assert.Single(_logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Equal("Command 'lookup' for user 42 on input 'lookup lost' made an API call that could not be delivered: the connection was lost", entry.Message);
    }

    [Fact]
    public async Task Command_WhoseActionWasRefused_KeepsItsErrorAndTrace()
    {
        var harness = new DispatchHarness(logger: _logger);

        await harness.SendPrivateAsync("lookup refused");

        var entry = Assert.Single(_logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<ActionFailedException>(entry.Exception);
    }

    [Fact]
    public async Task UndeliveredCalls_WhenTheHostSummarisesThem_OnlyTheOnesItAllowsAreLogged()
    {
        var summary = new FirstOnly();
        var harness = new DispatchHarness(services => services.AddSingleton<IUndeliveredCallLog>(summary), logger: _logger);

        for (var i = 0; i < 5; i++)
        {
            await harness.SendPrivateAsync("lookup lost");
        }

        Assert.Single(_logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(5, summary.Asked);
    }

    [Fact]
    public async Task Listener_WhoseCallCouldNotBeDelivered_LogsOneWarningLineWithoutTrace()
    {
        var harness = new DispatchHarness(logger: _logger);
        harness.Dispatcher.On("message", _ => throw new ApiNotAvailableException("no connection carries API calls"));

        await harness.SendPrivateAsync("hello");

        var entry = Assert.Single(_logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Null(entry.Exception);
        Assert.EndsWith("made an API call that could not be delivered: no connection carries API calls", entry.Message, StringComparison.Ordinal);
    }

    private sealed class FirstOnly : IUndeliveredCallLog
    {
        public int Asked;

        public bool ShouldLog(ApiException exception) => Interlocked.Increment(ref Asked) == 1;
    }
}
