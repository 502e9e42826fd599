using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using CqBot.Hosting.Accounts;
using CqBot.Hosting.Diagnostics;
using CqBot.Hosting.Protocol;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting.WebSockets;

/// <summary>
/// One WebSocket to an implementation, reverse or forward: receives events and carries API calls
/// matched to their responses by <c>echo</c>. When it closes, its pending calls fail at once.
/// </summary>
internal sealed partial class OneBotWebSocket
{
    private const int ReceiveChunk = 4096;
    private readonly WebSocket _socket;
    private readonly IEventSink _sink;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<ApiResponse>> _pending = new();
    private readonly CancellationTokenSource _closed = new();
    private string _closeReason = "closed";
    private long _nextEcho;
    private int _closing;

    public OneBotWebSocket(WebSocket socket, ClientRole role, string origin, IEventSink sink, TimeProvider time, ILogger logger)
    {
        _socket = socket;
        Role = role;
        Origin = origin;
        _sink = sink;
        _time = time;
        _logger = logger;
    }

    public ClientRole Role { get; }

    /// <summary>How it came to be: <c>reverse</c> or <c>forward</c>, for logs and the health page.</summary>
    public string Origin { get; }

    /// <summary>The account this socket belongs to, once known (a forward socket learns it after connecting).</summary>
    public BotAccount? Account { get; set; }

    public bool CarriesApi => Role != ClientRole.Event;

    public bool IsOpen => !_closed.IsCancellationRequested;

    /// <summary>Cancelled when the socket has closed.</summary>
    public CancellationToken Closed => _closed.Token;

    /// <summary>Receives frames until the socket closes.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        using var buffer = new PooledBufferWriter(ReceiveChunk * 4);
        try
        {
            while (true)
            {
                buffer.Clear();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(ReceiveChunk), linked.Token).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    }
                    break;
                }
                OnFrame(buffer.WrittenSpan);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or IOException)
        {
            LogConnectionLost(exception, Account?.SelfId ?? 0, Origin);
        }
        finally
        {
            MarkClosed(_closeReason);
        }
    }

    private void OnFrame(ReadOnlySpan<byte> frame)
    {
        if (ApiResponseReader.IsEvent(frame))
        {
            if (Role == ClientRole.Api)
            {
                // An API-role client only answers; nothing else it sends is processed.
                return;
            }
            Event @event;
            try
            {
                @event = EventParser.Parse(frame);
            }
            catch (EventParseException exception)
            {
                if (_sink.Refusals.Refuse(Transports.OfWebSocket(Origin), RefusalReasons.ParseError))
                {
                    LogMalformedFrame(Account?.SelfId ?? 0, frame.Length, exception.Message);
                }
                return;
            }
            if (@event.PostType.Length == 0)
            {
                // "post_type": null or "", refused as over HTTP POST.
                if (_sink.Refusals.Refuse(Transports.OfWebSocket(Origin), RefusalReasons.NotAnEvent))
                {
                    LogNotAnEventFrame(Account?.SelfId ?? 0, frame.Length);
                }
                return;
            }
            _sink.OnEvent(this, @event);
            return;
        }
        ApiResponse response;
        long echo;
        try
        {
            response = ApiResponseReader.Read(frame, out echo);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Not JSON, not an object, or escaped text that is not valid UTF-8.
            if (_sink.Refusals.Refuse(Transports.OfWebSocket(Origin), RefusalReasons.ParseError))
            {
                LogMalformedFrame(Account?.SelfId ?? 0, frame.Length, exception.Message);
            }
            return;
        }
        if (echo >= 0 && _pending.TryRemove(echo, out var waiter))
        {
            waiter.TrySetResult(response);
        }
        else if (echo < 0 && !ApiResponseReader.HasResponseFields(frame))
        {
            // Neither an event nor an API response: the same refusal as such a body over HTTP POST.
            if (_sink.Refusals.Refuse(Transports.OfWebSocket(Origin), RefusalReasons.NotAnEvent))
            {
                LogNotAnEventFrame(Account?.SelfId ?? 0, frame.Length);
            }
        }
        else
        {
            LogUnmatchedResponse(Account?.SelfId ?? 0, echo);
        }
    }

    /// <summary>Calls an action over this socket and waits for the response with the same echo.</summary>
    public async ValueTask<ApiResponse> CallAsync(ApiRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var action = request.WireAction;
        if (!IsOpen)
        {
            throw new NetworkException($"The WebSocket of bot {Account?.SelfId} is {_closeReason}; action '{action}' was not sent.");
        }
        var echo = Interlocked.Increment(ref _nextEcho);
        var waiter = new TaskCompletionSource<ApiResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[echo] = waiter;
        try
        {
            using (var frame = new PooledBufferWriter(512))
            {
                ApiRequestWriter.WriteFrame(frame, request, echo);
                await SendAsync(frame.WrittenMemory, cancellationToken).ConfigureAwait(false);
            }
            // The socket may have closed while the frame was going out, after pending calls were failed.
            if (!IsOpen)
            {
                waiter.TrySetException(new NetworkException($"The WebSocket of bot {Account?.SelfId} is {_closeReason}; action '{action}' got no response."));
            }
            return await waiter.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new NetworkException($"Action '{action}' of bot {Account?.SelfId} got no response within {timeout.TotalSeconds:0.###} s.", exception);
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or IOException)
        {
            throw new NetworkException($"Action '{action}' of bot {Account?.SelfId} could not be sent: {exception.Message}", exception);
        }
        finally
        {
            _pending.TryRemove(echo, out _);
        }
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Closes the socket: pending calls fail at once, then the close handshake runs for up to
    /// <paramref name="timeout"/> (frames that arrive meanwhile are still handled), then the socket is aborted.
    /// </summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason, TimeSpan timeout)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }
        _closeReason = reason;
        FailPending(new NetworkException($"The WebSocket of bot {Account?.SelfId} was {reason} before the response arrived."));
        try
        {
            using var deadline = new CancellationTokenSource(timeout, _time);
            await _sendLock.WaitAsync(deadline.Token).ConfigureAwait(false);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(status, reason, deadline.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }
            // The receive loop ends when the peer answers the close.
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, _closed.Token).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or IOException)
        {
            LogCloseFailed(exception, Account?.SelfId ?? 0);
        }
        finally
        {
            if (IsOpen)
            {
                _socket.Abort();
                MarkClosed(reason);
            }
        }
    }

    /// <summary>Closes a socket that a newer one of the same account and role replaced, without waiting.</summary>
    public void CloseReplacedInBackground()
    {
        _ = CloseReplacedAsync();

        async Task CloseReplacedAsync()
        {
            try
            {
                await CloseAsync(WebSocketCloseStatus.PolicyViolation, "replaced by a newer connection", TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                LogCloseFailed(exception, Account?.SelfId ?? 0);
            }
        }
    }

    private void MarkClosed(string reason)
    {
        _closeReason = reason;
        if (!_closed.IsCancellationRequested)
        {
            _closed.Cancel();
        }
        FailPending(new NetworkException($"The WebSocket of bot {Account?.SelfId} {(reason == "closed" ? "closed" : "was " + reason)} before the response arrived."));
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

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "The {Origin} WebSocket of bot {SelfId} was lost.")]
    private partial void LogConnectionLost(Exception exception, long selfId, string origin);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Bot {SelfId} sent a frame of {Length} bytes that is not valid OneBot JSON; it was skipped. {Error}")]
    private partial void LogMalformedFrame(long selfId, int length, string error);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Bot {SelfId} sent a frame of {Length} bytes that is a JSON object without a post_type, so not an OneBot event, nor an API response (no echo, status or retcode); it was skipped.")]
    private partial void LogNotAnEventFrame(long selfId, int length);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Bot {SelfId} sent a response with echo {Echo} that matches no pending call.")]
    private partial void LogUnmatchedResponse(long selfId, long echo);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Closing the WebSocket of bot {SelfId} failed; it was aborted.")]
    private partial void LogCloseFailed(Exception exception, long selfId);
}
