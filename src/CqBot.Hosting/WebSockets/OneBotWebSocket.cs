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

    // How long the peer gets to answer a close this side starts before the socket is aborted.
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    // The runtime's message for a protocol error it gives no detail for (invalid UTF-8 among them).
    private static readonly string s_faultedWithoutDetail = new WebSocketException(WebSocketError.Faulted).Message;

    private readonly WebSocket _socket;
    private readonly long _maxMessageSize;
    private readonly IEventSink _sink;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<ApiResponse>> _pending = new();
    private readonly CancellationTokenSource _closed = new();
    private readonly DeadlinePool _deadlines;
    private string _closeReason = "closed";
    private long _nextEcho;
    private int _closing;

    /// <summary>
    /// Frames a socket may hold waiting to go out. Sends take microseconds while the implementation
    /// reads, and the send rate limit keeps the queue short; a queue this long means it stopped reading,
    /// and each waiting frame holds its event and reply in memory.
    /// </summary>
    internal const int MaxQueuedFrames = 1000;

    private int _queuedFrames;

    // The deadline of the frame going out now, so that closing the socket stops it.
    private CancellationTokenSource? _sending;
    private volatile bool _sendStoppedByClose;

    public OneBotWebSocket(WebSocket socket, ClientRole role, string origin, long maxMessageSize, IEventSink sink, TimeProvider time, ILogger logger)
    {
        _socket = socket;
        _maxMessageSize = maxMessageSize;
        Role = role;
        Origin = origin;
        _sink = sink;
        _time = time;
        _logger = logger;
        _deadlines = new DeadlinePool(time);
    }

    public ClientRole Role { get; }

    /// <summary>How it came to be: <c>reverse</c> or <c>forward</c>, for logs and the health page.</summary>
    public string Origin { get; }

    /// <summary>The account this socket belongs to, once known (a forward socket learns it after connecting).</summary>
    public BotAccount? Account { get; set; }

    public bool CarriesApi => Role != ClientRole.Event;

    public bool IsOpen => !_closed.IsCancellationRequested;

    /// <summary>
    /// True when the peer broke the WebSocket protocol and the socket answered with a close frame; the
    /// connection should then stay up until the peer has read it (see <see cref="ReverseWebSocketEndpoint"/>).
    /// </summary>
    public bool BrokeProtocol { get; private set; }

    /// <summary>Cancelled when the socket has closed.</summary>
    public CancellationToken Closed => _closed.Token;

    /// <summary>
    /// Receives messages until the socket closes. A message over the size limit is not read to its
    /// end: the socket is closed with 1009 (message too big) as soon as the limit is passed.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        // The loop stops reading a message once it passes the limit, so one chunk more is the most it holds.
        using var buffer = new PooledBufferWriter(ReceiveChunk * 4, (int)Math.Min(_maxMessageSize + ReceiveChunk, Array.MaxLength));
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
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close && buffer.WrittenCount <= _maxMessageSize);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived && Interlocked.Exchange(ref _closing, 1) == 0)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    }
                    break;
                }
                if (buffer.WrittenCount > _maxMessageSize)
                {
                    await RefuseTooLargeAsync(buffer, linked.Token).ConfigureAwait(false);
                    break;
                }
                OnFrame(buffer.WrittenSpan);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }
        catch (WebSocketException exception) when (exception.WebSocketErrorCode == WebSocketError.Faulted && Interlocked.Exchange(ref _closing, 1) == 0)
        {
            // A frame broke RFC 6455 (reserved bits or opcode, invalid UTF-8 in a text message…): the
            // socket has sent the close code the RFC gives (1002 or 1007) and can do nothing more.
            if (_sink.Refusals.Refuse(Transports.OfWebSocket(Origin), RefusalReasons.ProtocolError))
            {
                LogProtocolError(Account?.SelfId ?? 0, Origin, exception.Message == s_faultedWithoutDetail ? "invalid payload, such as a text message that is not UTF-8" : exception.Message);
            }
            _closeReason = "closed because it broke the WebSocket protocol";
            BrokeProtocol = true;
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or IOException)
        {
            // A socket this side closed on purpose was logged when it was closed.
            if (Volatile.Read(ref _closing) == 0)
            {
                // A peer that drops its connection is ordinary: one line, not a stack trace, and a
                // storm of them is summarised.
                if (_sink.Refusals.ConnectionLost(Transports.OfWebSocket(Origin)))
                {
                    LogConnectionLost(Account?.SelfId ?? 0, Origin, exception.Message);
                }
            }
        }
        finally
        {
            MarkClosed(_closeReason);
        }
    }

    // Closes the socket with 1009, then reads and drops whatever the peer still sends (the rest of the
    // message, in small pieces) until its close arrives; the close aborts the socket if it does not.
    private async Task RefuseTooLargeAsync(PooledBufferWriter buffer, CancellationToken cancellationToken)
    {
        if (_sink.Refusals.Refuse(Transports.OfWebSocket(Origin), RefusalReasons.TooLarge))
        {
            LogTooLarge(Account?.SelfId ?? 0, Origin, _maxMessageSize);
        }
        _ = CloseQuietlyAsync(WebSocketCloseStatus.MessageTooBig, "message too big", $"closed because it sent a message over the limit of {_maxMessageSize} bytes");
        ValueWebSocketReceiveResult result;
        do
        {
            buffer.Clear();
            result = await _socket.ReceiveAsync(buffer.GetMemory(ReceiveChunk), cancellationToken).ConfigureAwait(false);
        }
        while (result.MessageType != WebSocketMessageType.Close);
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

    /// <summary>
    /// Calls an action over this socket and waits for the response with the same echo.
    /// <paramref name="timeout"/> covers the whole call: waiting for earlier frames to go out, sending,
    /// and the response. A frame that cannot be written within it means the implementation stopped
    /// reading: the socket is aborted, and every call waiting on it fails at once.
    /// </summary>
    public async ValueTask<ApiResponse> CallAsync(ApiRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var action = request.WireAction;
        if (!IsOpen)
        {
            throw new NetworkException($"The WebSocket of bot {Account?.SelfId} is {_closeReason}; action '{action}' was not sent.");
        }
        // A caller that has given up sends nothing (the send lock is usually free, so nothing else would stop it).
        cancellationToken.ThrowIfCancellationRequested();
        var echo = Interlocked.Increment(ref _nextEcho);
        var waiter = new TaskCompletionSource<ApiResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[echo] = waiter;
        var started = _time.GetTimestamp();
        var deadline = _deadlines.Rent(timeout);
        var stage = CallStage.Queued;
        var queued = Interlocked.Increment(ref _queuedFrames);
        CancellationTokenRegistration onDeadline = default;
        CancellationTokenRegistration onCancelled = default;
        try
        {
            if (queued > MaxQueuedFrames)
            {
                throw AbortQueueFull(action);
            }
            using (var frame = new PooledBufferWriter(512))
            {
                ApiRequestWriter.WriteFrame(frame, request, echo);
                if (!_sendLock.Wait(0))
                {
                    await WaitToSendAsync(deadline.Token, cancellationToken).ConfigureAwait(false);
                }
                try
                {
                    // Only the deadline stops a frame half-way: a caller that gives up must not cut the
                    // frame, which would end the connection for every call of the account.
                    stage = CallStage.Sending;
                    // Closing the socket also stops the frame: it cannot go anywhere then.
                    Volatile.Write(ref _sending, deadline);
                    await _socket.SendAsync(frame.WrittenMemory, WebSocketMessageType.Text, true, deadline.Token).ConfigureAwait(false);
                    stage = CallStage.Waiting;
                    Interlocked.Decrement(ref _queuedFrames);
                }
                finally
                {
                    Volatile.Write(ref _sending, null);
                    _sendLock.Release();
                }
            }
            // The socket may have closed while the frame was going out, after pending calls were failed.
            if (!IsOpen)
            {
                waiter.TrySetException(new NetworkException($"The WebSocket of bot {Account?.SelfId} is {_closeReason}; action '{action}' got no response."));
            }
            // The response, the deadline, the caller giving up and the socket closing all end the wait
            // through the waiter itself, so that waiting takes no timer or linked source of its own.
            onDeadline = deadline.Token.UnsafeRegister(static state => ((TaskCompletionSource<ApiResponse>)state!).TrySetCanceled(), waiter);
            if (cancellationToken.CanBeCanceled)
            {
                onCancelled = cancellationToken.UnsafeRegister(static (state, token) => ((TaskCompletionSource<ApiResponse>)state!).TrySetCanceled(token), waiter);
            }
            return await waiter.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested || stage == CallStage.Sending)
        {
            throw _closed.IsCancellationRequested && !(stage == CallStage.Sending && deadline.IsCancellationRequested && !_sendStoppedByClose)
                ? new NetworkException($"The WebSocket of bot {Account?.SelfId} is {_closeReason}; action '{action}' {(stage == CallStage.Waiting ? "got no response" : "was not sent")}.", exception)
                : stage switch
            {
                CallStage.Sending when deadline.IsCancellationRequested => AbortStuck(action, timeout, exception),
                _ when deadline.IsCancellationRequested && stage == CallStage.Queued =>
                    new NetworkException($"Action '{action}' of bot {Account?.SelfId} could not be sent within {timeout.TotalSeconds:0.###} s: earlier frames on its WebSocket are still going out.", exception),
                _ when deadline.IsCancellationRequested =>
                    new NetworkException($"Action '{action}' of bot {Account?.SelfId} got no response within {timeout.TotalSeconds:0.###} s.", exception),
                _ => new NetworkException($"The WebSocket of bot {Account?.SelfId} is {_closeReason}; action '{action}' got no response.", exception),
            };
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or IOException)
        {
            if (stage == CallStage.Sending && deadline.IsCancellationRequested)
            {
                throw AbortStuck(action, timeout, exception);
            }
            throw new NetworkException($"Action '{action}' of bot {Account?.SelfId} could not be sent: {exception.Message}", exception);
        }
        finally
        {
            onCancelled.Dispose();
            onDeadline.Dispose();
            if (stage != CallStage.Waiting)
            {
                Interlocked.Decrement(ref _queuedFrames);
            }
            _pending.TryRemove(echo, out _);
            _deadlines.Return(deadline, _time.GetElapsedTime(started), timeout);
        }
    }

    // The send lock is taken: waits for it until the deadline, the caller giving up or the socket closing.
    private async ValueTask WaitToSendAsync(CancellationToken deadline, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline, _closed.Token);
        await _sendLock.WaitAsync(stop.Token).ConfigureAwait(false);
    }

    // More frames wait than a reading implementation ever lets pile up: it stopped reading. The socket is
    // aborted, so that the waiting calls fail now and free what they hold, rather than at their timeout.
    private NetworkException AbortQueueFull(string action)
    {
        var description = $"closed because {MaxQueuedFrames} frames were waiting to be sent (the implementation is not reading)";
        if (Interlocked.Exchange(ref _closing, 1) == 0)
        {
            LogSendQueueFull(Account?.SelfId ?? 0, Origin, MaxQueuedFrames);
            _closeReason = description;
            _socket.Abort();
            MarkClosed(description);
        }
        return new NetworkException($"Action '{action}' of bot {Account?.SelfId} was not sent; the WebSocket was {description}.");
    }

    // A frame did not go out within a call's timeout: the implementation stopped reading (or the
    // network stalled). Nothing else can be sent on this socket, so it is aborted and its calls fail.
    private NetworkException AbortStuck(string action, TimeSpan timeout, Exception cause)
    {
        var description = $"closed because a frame could not be sent within {timeout.TotalSeconds:0.###} s (the implementation is not reading)";
        if (Interlocked.Exchange(ref _closing, 1) == 0)
        {
            LogSendStalled(Account?.SelfId ?? 0, Origin, timeout.TotalSeconds);
            _closeReason = description;
            _socket.Abort();
            MarkClosed(description);
        }
        return new NetworkException($"Action '{action}' of bot {Account?.SelfId} could not be sent within {timeout.TotalSeconds:0.###} s; the WebSocket was {description}.", cause);
    }

    private enum CallStage
    {
        Queued,
        Sending,
        Waiting,
    }

    /// <summary>
    /// Closes the socket: pending calls fail at once, then the close handshake runs for up to
    /// <paramref name="timeout"/> (frames that arrive meanwhile are still handled), then the socket is aborted.
    /// </summary>
    public Task CloseAsync(WebSocketCloseStatus status, string reason, TimeSpan timeout) => CloseAsync(status, reason, reason, timeout);

    /// <summary>
    /// Closes the socket with <paramref name="reason"/> in the close frame; <paramref name="description"/>
    /// completes "the WebSocket was …" in the errors of the calls it fails.
    /// </summary>
    private async Task CloseAsync(WebSocketCloseStatus status, string reason, string description, TimeSpan timeout)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }
        _closeReason = description;
        FailPending(new NetworkException($"The WebSocket of bot {Account?.SelfId} was {description} before the response arrived."));
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
                MarkClosed(description);
            }
        }
    }

    /// <summary>Closes a socket that a newer one of the same account and role replaced, without waiting.</summary>
    public void CloseReplacedInBackground() =>
        _ = CloseQuietlyAsync(WebSocketCloseStatus.PolicyViolation, "replaced by a newer connection", "replaced by a newer connection");

    private async Task CloseQuietlyAsync(WebSocketCloseStatus status, string reason, string description)
    {
        try
        {
            await CloseAsync(status, reason, description, CloseHandshakeTimeout).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogCloseFailed(exception, Account?.SelfId ?? 0);
        }
    }

    private void MarkClosed(string reason)
    {
        _closeReason = reason;
        if (!_closed.IsCancellationRequested)
        {
            _closed.Cancel();
        }
        try
        {
            if (Volatile.Read(ref _sending) is { IsCancellationRequested: false } sending)
            {
                _sendStoppedByClose = true;
                sending.Cancel();
            }
        }
        catch (ObjectDisposedException)
        {
            // That frame's call has ended already.
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

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "The {Origin} WebSocket of bot {SelfId} was lost: {Reason}")]
    private partial void LogConnectionLost(long selfId, string origin, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Bot {SelfId} sent a frame of {Length} bytes that is not valid OneBot JSON; it was skipped. {Error}")]
    private partial void LogMalformedFrame(long selfId, int length, string error);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Bot {SelfId} sent a frame of {Length} bytes that is a JSON object without a post_type, so not an OneBot event, nor an API response (no echo, status or retcode); it was skipped.")]
    private partial void LogNotAnEventFrame(long selfId, int length);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Bot {SelfId} sent a response with echo {Echo} that matches no pending call.")]
    private partial void LogUnmatchedResponse(long selfId, long echo);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "The {Origin} WebSocket of bot {SelfId} sent a message over the limit of {Limit} bytes; it was closed with 1009 (message too big).")]
    private partial void LogTooLarge(long selfId, string origin, long limit);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "The {Origin} WebSocket of bot {SelfId} was aborted: a frame could not be sent within {Seconds} s (the implementation is not reading).")]
    private partial void LogSendStalled(long selfId, string origin, double seconds);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "The {Origin} WebSocket of bot {SelfId} had {Count} frames waiting to be sent: the implementation is not reading. It was closed, and its calls failed.")]
    private partial void LogSendQueueFull(long selfId, string origin, int count);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "The {Origin} WebSocket of bot {SelfId} broke the WebSocket protocol ({Problem}); it was closed.")]
    private partial void LogProtocolError(long selfId, string origin, string problem);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Closing the WebSocket of bot {SelfId} failed; it was aborted.")]
    private partial void LogCloseFailed(Exception exception, long selfId);
}
