using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting.WebSockets;

/// <summary>
/// One reverse WebSocket from an OneBot implementation: receives events and carries the account's
/// API calls, matched to their responses by <c>echo</c>.
/// </summary>
internal sealed partial class ReverseWebSocketConnection : IApiTransport
{
    private readonly WebSocket _socket;
    private readonly BotRuntime _runtime;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ApiResponse>> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closed = new();
    private long _nextEcho;

    public ReverseWebSocketConnection(WebSocket socket, long selfId, BotRuntime runtime, ILogger logger)
    {
        _socket = socket;
        _runtime = runtime;
        _logger = logger;
        Bot = new Bot(selfId, this);
    }

    public Bot Bot { get; }

    public TimeSpan ApiTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _closed.Token);
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(4096), linked.Token).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    break;
                }
                OnFrame(buffer.WrittenSpan, linked.Token);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }
        catch (WebSocketException exception)
        {
            LogConnectionLost(exception, Bot.SelfId);
        }
        finally
        {
            _closed.Cancel();
            FailPending(new NetworkException($"The connection of bot {Bot.SelfId} closed before the response arrived."));
        }
    }

    private void OnFrame(ReadOnlySpan<byte> frame, CancellationToken cancellationToken)
    {
        try
        {
            if (ApiResponseReader.IsEvent(frame))
            {
                var evt = EventParser.Parse(frame);
                _ = HandleEventAsync(evt, cancellationToken);
                return;
            }
            var (response, echo) = ApiResponseReader.Read(frame);
            if (echo is not null && _pending.TryRemove(echo, out var waiter))
            {
                waiter.TrySetResult(response);
            }
            else
            {
                LogUnmatchedResponse(Bot.SelfId, echo);
            }
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            LogMalformedFrame(exception, Bot.SelfId, frame.Length);
        }
    }

    private async Task HandleEventAsync(Event evt, CancellationToken cancellationToken)
    {
        // Leave the receive loop at once: handlers await API responses that arrive on this socket.
        await Task.Yield();
        try
        {
            await using var scope = _runtime.Services.CreateAsyncScope();
            var session = new Session(evt, Bot, scope.ServiceProvider, cancellationToken);
            await _runtime.Dispatcher.DispatchAsync(session).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogEventFailed(exception, Bot.SelfId, evt.PostType);
        }
    }

    /// <summary>Drops the connection at once; its pending calls fail with a network error.</summary>
    public void Abort()
    {
        _closed.Cancel();
        _socket.Abort();
        FailPending(new NetworkException($"The connection of bot {Bot.SelfId} was replaced by a newer one."));
    }

    public async ValueTask<ApiResponse> SendAsync(string action, JsonObject? parameters, CancellationToken cancellationToken)
    {
        if (_closed.IsCancellationRequested)
        {
            throw new NetworkException($"The connection of bot {Bot.SelfId} is closed.");
        }
        var echo = Interlocked.Increment(ref _nextEcho).ToString(CultureInfo.InvariantCulture);
        var waiter = new TaskCompletionSource<ApiResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[echo] = waiter;
        try
        {
            var frame = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(frame))
            {
                writer.WriteStartObject();
                writer.WriteString("action"u8, action);
                writer.WritePropertyName("params"u8);
                if (parameters is null)
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }
                else
                {
                    parameters.WriteTo(writer);
                }
                writer.WriteString("echo"u8, echo);
                writer.WriteEndObject();
            }
            await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(frame.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
            return await waiter.Task.WaitAsync(ApiTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new NetworkException($"Action '{action}' of bot {Bot.SelfId} got no response within {ApiTimeout.TotalSeconds:0} s.", exception);
        }
        catch (WebSocketException exception)
        {
            throw new NetworkException($"Action '{action}' of bot {Bot.SelfId} could not be sent: {exception.Message}", exception);
        }
        finally
        {
            _pending.TryRemove(echo, out _);
        }
    }

    private void FailPending(Exception exception)
    {
        foreach (var pair in _pending)
        {
            if (_pending.TryRemove(pair.Key, out var waiter))
            {
                waiter.TrySetException(exception);
            }
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "The connection of bot {SelfId} was lost.")]
    private partial void LogConnectionLost(Exception exception, long selfId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Bot {SelfId} sent a frame of {Length} bytes that is not valid OneBot JSON; it was skipped.")]
    private partial void LogMalformedFrame(Exception exception, long selfId, int length);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Bot {SelfId} sent a response with echo {Echo} that matches no pending call.")]
    private partial void LogUnmatchedResponse(long selfId, string? echo);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Handling a {PostType} event of bot {SelfId} failed.")]
    private partial void LogEventFailed(Exception exception, long selfId, string postType);
}
