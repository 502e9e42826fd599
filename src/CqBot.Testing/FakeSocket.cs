using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CqBot.Testing;

/// <summary>One WebSocket of the fake implementation, client or server side: sends events, takes calls.</summary>
internal sealed class FakeSocket
{
    private readonly WebSocket _socket;
    private readonly ApiCallInbox _inbox;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();

    public FakeSocket(WebSocket socket, ApiCallInbox inbox)
    {
        _socket = socket;
        _inbox = inbox;
    }

    /// <summary>Completes when the other side closes or the connection drops, with the close status if any.</summary>
    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public Task RunAsync() => ReceiveAsync();

    public Task SendTextAsync(string json, CancellationToken cancellationToken = default) => SendAsync(Encoding.UTF8.GetBytes(json), cancellationToken);

    public async Task SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken = default)
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

    public async Task RespondAsync(ApiCall call, ApiReply reply)
    {
        switch (reply.Kind)
        {
            case ApiReplyKind.Ok or ApiReplyKind.Failed:
                await SendAsync(FakeJson.Envelope(reply, call.Echo)).ConfigureAwait(false);
                break;
            case ApiReplyKind.Disconnect:
                Abort();
                break;
        }
    }

    public async Task CloseAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                _socket.Abort();
            }
        }
        await _stop.CancelAsync().ConfigureAwait(false);
    }

    public void Abort()
    {
        _socket.Abort();
        _stop.Cancel();
        _closed.TrySetResult(null);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(16 * 1024), _stop.Token).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closed.TrySetResult(_socket.CloseStatus);
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    }
                    return;
                }
                ApiCall call;
                try
                {
                    call = ApiCall.Parse(buffer.WrittenSpan, "websocket");
                }
                catch (JsonException)
                {
                    continue;
                }
                call.Source = this;
                if (_inbox.Accept(call) is { } reply)
                {
                    await RespondAsync(call, reply).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
        }
        finally
        {
            _closed.TrySetResult(null);
        }
    }
}
