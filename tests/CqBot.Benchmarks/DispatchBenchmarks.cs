using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CqBot.Data;
using CqBot.Infrastructure;

namespace CqBot.Benchmarks;

/// <summary>
/// One group message through the dispatcher to a command's answer, warm: without a store, and with the
/// user and channel attached from the cache (the in-memory store underneath, so the figure is the
/// attach stages' own cost).
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private const int Groups = 64;
    private readonly Event[] _events = new Event[Groups];
    private readonly IBot _bot = new SilentBot();
    private readonly IServiceProvider _services = new NoServices();
    private EventDispatcher _plain = null!;
    private EventDispatcher _attached = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Groups; i++)
        {
            var json = string.Create(CultureInfo.InvariantCulture, $$$"""{"time":1700000000,"self_id":10001000,"post_type":"message","message_type":"group","sub_type":"normal","message_id":{{{i}}},"group_id":{{{1 + i}}},"user_id":42,"anonymous":null,"message":[{"type":"text","data":{"text":"echo hi"}}],"raw_message":"echo hi","font":0,"sender":{"user_id":42,"nickname":"n"}}""");
            _events[i] = EventParser.Parse(Encoding.UTF8.GetBytes(json));
        }
        _plain = Create(null);
        _attached = Create(new BotData(new InMemoryBotStore()));
        foreach (var e in _events)
        {
            _attached.HandleAsync(new Session(e, _bot, _services)).AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true)]
    public QuickOperation? WithoutStore() => Handle(_plain);

    [Benchmark]
    public QuickOperation? WithUserAndChannelAttached() => Handle(_attached);

    private QuickOperation? Handle(EventDispatcher dispatcher)
    {
        var e = _events[_next++ % Groups];
        var pending = dispatcher.HandleAsync(new Session(e, _bot, _services));
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    private static EventDispatcher Create(BotData? data)
    {
        var dispatcher = new EventDispatcher { Data = data };
        dispatcher.AddCommand(new CommandDefinition("echo", new CommandSignature([new ArgumentDeclaration("text", CommandValueKind.Text, Required: true)], []), static context =>
        {
            using var parsed = CommandParser.Parse(context);
            return new ValueTask<Message?>(parsed.GetArgument(0).Text);
        }));
        return dispatcher;
    }

    private sealed class SilentBot : IBot
    {
        public long SelfId => 10001000;

        public ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new ApiResponse("ok", 0, null));
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
