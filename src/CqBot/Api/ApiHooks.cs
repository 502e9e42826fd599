using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CqBot;

/// <summary>
/// Runs before an API call. Return a response to answer the call yourself (a mock: the implementation
/// is not asked), or null to let it go through.
/// </summary>
public delegate ValueTask<ApiResponse?> ApiCallingHook(IBot bot, ApiRequest request, CancellationToken cancellationToken);

/// <summary>Runs after an API call with its response, or with the exception that ended it.</summary>
public delegate ValueTask ApiCalledHook(IBot bot, ApiRequest request, ApiResponse? response, Exception? exception);

/// <summary>
/// Hooks around every API call of the bots that share them, as NoneBot's calling/called hooks: for
/// logging, metrics, or mocking calls in tests. A hook that throws is logged and skipped.
/// </summary>
public sealed partial class ApiHooks(ILogger<ApiHooks>? logger = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly object _gate = new();
    private ApiCallingHook[] _calling = [];
    private ApiCalledHook[] _called = [];

    /// <summary>True while no hook is added: a call then goes straight to its transport.</summary>
    internal bool IsEmpty => Volatile.Read(ref _calling).Length == 0 && Volatile.Read(ref _called).Length == 0;

    /// <summary>Adds a hook that runs before each call; dispose the result to remove it.</summary>
    public IDisposable OnCalling(ApiCallingHook hook)
    {
        lock (_gate)
        {
            _calling = [.. _calling, hook];
        }
        return new Removal(() =>
        {
            lock (_gate)
            {
                _calling = Array.FindAll(_calling, h => h != hook);
            }
        });
    }

    /// <summary>Adds a hook that runs after each call; dispose the result to remove it.</summary>
    public IDisposable OnCalled(ApiCalledHook hook)
    {
        lock (_gate)
        {
            _called = [.. _called, hook];
        }
        return new Removal(() =>
        {
            lock (_gate)
            {
                _called = Array.FindAll(_called, h => h != hook);
            }
        });
    }

    internal async ValueTask<ApiResponse> SendAsync(IBot bot, IApiTransport transport, ApiRequest request, CancellationToken cancellationToken)
    {
        ApiResponse? response = null;
        foreach (var hook in _calling)
        {
            try
            {
                response = await hook(bot, request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHookFailed(exception, request.WireAction);
            }
            if (response is not null)
            {
                break;
            }
        }
        try
        {
            response ??= await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await RunCalledAsync(bot, request, null, exception).ConfigureAwait(false);
            throw;
        }
        await RunCalledAsync(bot, request, response, null).ConfigureAwait(false);
        return response;
    }

    private async ValueTask RunCalledAsync(IBot bot, ApiRequest request, ApiResponse? response, Exception? error)
    {
        foreach (var hook in _called)
        {
            try
            {
                await hook(bot, request, response, error).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHookFailed(exception, request.WireAction);
            }
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "An API hook failed around the call of '{Action}'; the call goes on.")]
    private partial void LogHookFailed(Exception exception, string action);

    private sealed class Removal(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
