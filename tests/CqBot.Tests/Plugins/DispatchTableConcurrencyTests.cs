using CqBot.Tests.Support;

namespace CqBot.Tests.Plugins;

/// <summary>Run-time changes publish new tables while events are dispatched on many threads.</summary>
public sealed class DispatchTableConcurrencyTests
{
    [Fact]
    public async Task Dispatch_WhileMiddlewareTextsAndScopesChange_EveryEventIsAnsweredConsistently()
    {
        var harness = new DispatchHarness();
        var failures = 0;
        harness.Dispatcher.Error += (_, _) => Interlocked.Increment(ref failures);
        // The dispatchers do a fixed amount of work; the changers run until they are done.
        using var stop = new CancellationTokenSource();
        const int EventsPerDispatcher = 300;
        var answered = 0;

        var dispatchers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var bot = new Bot(TestEvents.SelfId, new RecordingTransport());
            for (var i = 0; i < EventsPerDispatcher; i++)
            {
                var session = new Session(TestEvents.GroupMessage(100 + worker, 42, i % 2 == 0 ? "add 1 2" : "help add"), bot, harness.Services);
                var operation = await harness.Dispatcher.HandleAsync(session);
                var text = operation?.Reply?.GetPlainText();
                // Whatever table an event got, it is whole: a sum, or help in one of the two languages.
                Assert.True(text is "3" || (text?.Contains("add", StringComparison.Ordinal) ?? false), text);
                Interlocked.Increment(ref answered);
            }
        })).ToArray();

        var changers = new[]
        {
            Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    using var registration = harness.Dispatcher.Use((session, next) => next());
                    harness.Dispatcher.On("notice", _ => default);
                }
            }),
            Task.Run(() =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    harness.Dispatcher.Texts = i % 2 == 0 ? CommandTexts.English : CommandTexts.ChineseSimplified;
                    harness.Dispatcher.DispatchSettings = new CommandDispatchSettings { Prefixes = [""], Nicknames = i % 2 == 0 ? ["bot"] : [] };
                }
            }),
            Task.Run(() =>
            {
                var plugin = harness.Dispatcher.Plugins[0];
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    plugin.DisableIn(1_000_000 + i);
                    plugin.EnableIn(1_000_000 + i);
                }
            }),
        };

        try
        {
            await Task.WhenAll(dispatchers).WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(changers);
        }

        Assert.Equal(0, failures);
        Assert.Equal(4 * EventsPerDispatcher, answered);
    }
}
