using System.Text.Json;
using CqBot.Tests.Support;

namespace CqBot.Tests.Api;

public sealed class ApiHooksTests
{
    private readonly RecordingTransport _transport = new();
    private readonly ApiHooks _hooks = new();

    [Fact]
    public async Task CallingHook_ReturnsResponse_MocksTheCallWithoutTransport()
    {
        using var data = JsonDocument.Parse("""{"user_id":1,"nickname":"mock"}""");
        _hooks.OnCalling((_, request, _) => new ValueTask<ApiResponse?>(request.WireAction == "get_login_info" ? new ApiResponse("ok", 0, data.RootElement.Clone()) : null));
        var bot = new Bot(1, _transport, _hooks);

        var result = await bot.CallAsync("get_login_info");

        Assert.Equal("mock", result!.Value.GetProperty("nickname").GetString());
        Assert.Empty(_transport.Calls);
    }

    [Fact]
    public async Task Hook_AddedAfterTheBotMadeCalls_RunsOnItsNextCall()
    {
        var bot = new Bot(1, _transport, _hooks);
        await bot.CallAsync("get_status");
        var seen = new List<string>();

        using (_hooks.OnCalled((_, request, _, _) =>
        {
            seen.Add(request.WireAction);
            return ValueTask.CompletedTask;
        }))
        {
            await bot.CallAsync("get_version_info");
        }
        await bot.CallAsync("get_login_info");

        Assert.Equal(["get_version_info"], seen);
        Assert.Equal(3, _transport.Calls.Count);
    }

    [Fact]
    public async Task CallingHook_ReturnsNull_CallGoesThrough()
    {
        _hooks.OnCalling((_, _, _) => new ValueTask<ApiResponse?>((ApiResponse?)null));
        await new Bot(1, _transport, _hooks).CallAsync("get_status");
        Assert.Single(_transport.Calls);
    }

    [Fact]
    public async Task CalledHook_SeesActionAndResponse()
    {
        var seen = new List<(string, string?)>();
        _hooks.OnCalled((_, request, response, error) =>
        {
            seen.Add((request.WireAction, response?.Status ?? error?.GetType().Name));
            return ValueTask.CompletedTask;
        });
        await new Bot(1, _transport, _hooks).CallAsync("send_msg");
        Assert.Equal([("send_msg", "ok")], seen);
    }

    [Fact]
    public async Task CalledHook_SeesTheExceptionOfAFailedCall()
    {
        Exception? seen = null;
        _hooks.OnCalled((_, _, _, error) =>
        {
            seen = error;
            return ValueTask.CompletedTask;
        });
        var bot = new Bot(1, new FailingTransport(), _hooks);
        await Assert.ThrowsAsync<NetworkException>(() => bot.CallAsync("send_msg").AsTask());
        Assert.IsType<NetworkException>(seen);
    }

    [Fact]
    public async Task ThrowingHook_IsSkipped_CallSucceeds()
    {
        _hooks.OnCalling((_, _, _) => throw new InvalidOperationException("hook bug"));
        await new Bot(1, _transport, _hooks).CallAsync("send_msg");
        Assert.Single(_transport.Calls);
    }

    [Fact]
    public async Task DisposedHook_NoLongerRuns()
    {
        var runs = 0;
        var registration = _hooks.OnCalled((_, _, _, _) =>
        {
            runs++;
            return ValueTask.CompletedTask;
        });
        registration.Dispose();
        await new Bot(1, _transport, _hooks).CallAsync("send_msg");
        Assert.Equal(0, runs);
    }

    private sealed class FailingTransport : IApiTransport
    {
        public ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
            throw new NetworkException("connection lost");
    }
}
