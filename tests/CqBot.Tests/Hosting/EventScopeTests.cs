using CqBot.Testing;
using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Tests.Hosting;

public sealed class EventScopeTests : IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<ScopeProbe> _seen = new();
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(["--no-rate-limit"], builder => builder.Services.AddScoped<ScopeProbe>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TwoEvents_EachGetsItsOwnScope_DisposedAfterwards()
    {
        using var middleware = _host.App.Use((session, next) =>
        {
            var first = session.Services.GetRequiredService<ScopeProbe>();
            Assert.Same(first, session.Services.GetRequiredService<ScopeProbe>());
            Assert.False(first.Disposed);
            _seen.Enqueue(first);
            return ValueTask.FromResult<Message?>(null);
        });
        await using var client = await FakeOneBotClient.ConnectAsync(_host.Universal, 9301);

        await client.SendEventAsync(FakeEvents.PrivateMessage(9301, 1, "a"));
        await client.SendEventAsync(FakeEvents.PrivateMessage(9301, 1, "b"));

        var deadline = DateTime.UtcNow + BotHost.Timeout;
        while ((_seen.Count < 2 || !_seen.All(p => p.Disposed)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        Assert.Equal(2, _seen.Distinct().Count());
        Assert.All(_seen, probe => Assert.True(probe.Disposed));
    }

    public sealed class ScopeProbe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
