using CqBot.Hosting.Diagnostics;
using CqBot.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CqBot.Tests.Hosting;

public sealed class RefusalLogTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingLogger<RefusalLog> _logger = new();
    private readonly RefusalLog _log;

    public RefusalLogTests() => _log = new RefusalLog(_time, _logger, Interval);

    public void Dispose() => _log.Dispose();

    [Fact]
    public void Refuse_FirstOfItsKind_IsLogged()
    {
        Assert.True(_log.Refuse(Transports.HttpPost, RefusalReasons.ParseError));
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public void Refuse_RepeatedWithinInterval_IsOnlyCounted()
    {
        _log.Refuse(Transports.HttpPost, RefusalReasons.ParseError);

        var logged = Enumerable.Range(0, 100).Count(_ => _log.Refuse(Transports.HttpPost, RefusalReasons.ParseError));

        Assert.Equal(0, logged);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public void SendFailed_Repeated_IsSummarisedApartFromRefusedInput()
    {
        Assert.True(_log.SendFailed("NetworkException"));
        Assert.False(_log.SendFailed("NetworkException"));
        Assert.False(_log.SendFailed("NetworkException"));
        Assert.True(_log.Refuse(Transports.HttpPost, RefusalReasons.ParseError));

        _time.Advance(Interval);

        var entry = Assert.Single(_logger.Entries);
        Assert.Equal("2 more answer(s) could not be sent (NetworkException) in the last 10 s; only the first was logged.", entry.Message);
    }

    [Fact]
    public void ConnectionLost_AFewAreLoggedEachInterval_TheRestCounted()
    {
        var logged = Enumerable.Range(0, 100).Count(_ => _log.ConnectionLost(Transports.ReverseWebSocket));

        _time.Advance(Interval);

        Assert.Equal(5, logged);
        var entry = Assert.Single(_logger.Entries);
        Assert.Equal("95 more reverse_ws connection(s) were lost in the last 10 s; only the first few were logged.", entry.Message);
        Assert.True(_log.ConnectionLost(Transports.ReverseWebSocket));
    }

    [Fact]
    public void Refuse_OtherReasonOrTransport_IsLoggedOnItsOwn()
    {
        _log.Refuse(Transports.HttpPost, RefusalReasons.ParseError);

        Assert.True(_log.Refuse(Transports.HttpPost, RefusalReasons.NotAnEvent));
        Assert.True(_log.Refuse(Transports.ReverseWebSocket, RefusalReasons.ParseError));
    }

    [Fact]
    public void Refuse_AfterInterval_LogsAgainAndReportsTheCount()
    {
        _log.Refuse(Transports.HttpPost, RefusalReasons.ParseError);
        _log.Refuse(Transports.HttpPost, RefusalReasons.ParseError);
        _log.Refuse(Transports.HttpPost, RefusalReasons.ParseError);
        _time.Advance(TimeSpan.FromSeconds(4));

        _log.Refuse(Transports.HttpPost, RefusalReasons.ParseError);

        // The timer has not reached the end of the interval yet.
        Assert.Empty(_logger.Entries);
        _time.Advance(TimeSpan.FromSeconds(6));
        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Equal("3 more http_post input(s) refused (parse_error) in the last 10 s; only the first was logged.", entry.Message);
        Assert.True(_log.Refuse(Transports.HttpPost, RefusalReasons.ParseError));
    }

    [Fact]
    public void Refuse_NextOneAfterIntervalComesFirst_ReportsTheCountBeforeItsLine()
    {
        var lone = new RefusalLog(_time, _logger, Interval);
        lone.Refuse(Transports.HttpPost, RefusalReasons.TooLarge);
        lone.Refuse(Transports.HttpPost, RefusalReasons.TooLarge);

        // Past the interval without the timer having run: the next refusal reports the count itself.
        _time.AdjustTime(_time.GetUtcNow() + TimeSpan.FromSeconds(30));
        var logged = lone.Refuse(Transports.HttpPost, RefusalReasons.TooLarge);

        Assert.True(logged);
        var entry = Assert.Single(_logger.Entries);
        Assert.StartsWith("1 more http_post input(s) refused (too_large)", entry.Message, StringComparison.Ordinal);
        lone.Dispose();
        Assert.Single(_logger.Entries);
    }

    [Fact]
    public void Refuse_NothingHeldBack_TimerLogsNothing()
    {
        _log.Refuse(Transports.HttpPost, RefusalReasons.ParseError);

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public void Dispose_WithCountsHeldBack_ReportsThem()
    {
        _log.Refuse(Transports.ForwardWebSocket, RefusalReasons.NotAnEvent);
        _log.Refuse(Transports.ForwardWebSocket, RefusalReasons.NotAnEvent);
        _log.Refuse(Transports.ForwardWebSocket, RefusalReasons.NotAnEvent);

        _log.Dispose();

        var entry = Assert.Single(_logger.Entries);
        Assert.StartsWith("2 more forward_ws input(s) refused (not_an_event)", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuse_FromManyThreads_LogsOnceAndCountsEveryOther()
    {
        var logged = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                if (_log.Refuse(Transports.HttpPost, RefusalReasons.ParseError))
                {
                    Interlocked.Increment(ref logged);
                }
            }
        })));

        _time.Advance(Interval);

        Assert.Equal(1, logged);
        var entry = Assert.Single(_logger.Entries);
        Assert.StartsWith("7999 more http_post", entry.Message, StringComparison.Ordinal);
    }
}
