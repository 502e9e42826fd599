using System.Net.WebSockets;

namespace CqBot.Hosting.WebSockets;

/// <summary>
/// The stream under a server-side WebSocket: it follows the frame headers a client sends and fails the
/// connection on an unmasked frame, which RFC 6455 (5.1) forbids and the runtime's WebSocket accepts.
/// It answers with a 1002 (protocol error) close frame, then throws a
/// <see cref="WebSocketException"/> with <see cref="WebSocketError.Faulted"/>, as the runtime does for
/// the protocol errors it finds itself. Only headers are read: a payload is skipped by its length.
/// </summary>
internal sealed class ClientFrameGuardStream(Stream inner) : Stream
{
    // A close frame from a server: FIN + close opcode, unmasked, two bytes of payload: 1002.
    private static readonly byte[] ProtocolErrorClose = [0x88, 0x02, 0x03, 0xEA];

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _payloadLeft;
    private int _headerLeft;
    private int _lengthBytesLeft;
    private long _length;
    private bool _inHeader;
    private bool _failed;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (!_failed && !AllMasked(buffer.Span[..read]))
        {
            _failed = true;
            await SendProtocolErrorCloseAsync().ConfigureAwait(false);
            throw new WebSocketException(WebSocketError.Faulted, "The client sent an unmasked frame.");
        }
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Serialised with the close frame this stream may write itself.
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    // Walks the frame headers in what was just read; false at the first frame without the mask bit.
    private bool AllMasked(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            if (!_inHeader)
            {
                if (_payloadLeft > 0)
                {
                    var skip = (int)Math.Min(_payloadLeft, data.Length - i);
                    _payloadLeft -= skip;
                    i += skip;
                    continue;
                }
                // The first byte of a header: FIN, RSV and opcode (the runtime checks those).
                _inHeader = true;
                _headerLeft = -1;
                i++;
                continue;
            }
            var b = data[i++];
            if (_headerLeft < 0)
            {
                if ((b & 0x80) == 0)
                {
                    return false;
                }
                var code = b & 0x7F;
                _lengthBytesLeft = code == 126 ? 2 : code == 127 ? 8 : 0;
                _length = code < 126 ? code : 0;
                _headerLeft = _lengthBytesLeft + 4;
                continue;
            }
            if (_lengthBytesLeft > 0)
            {
                _length = (_length << 8) | b;
                _lengthBytesLeft--;
            }
            if (--_headerLeft == 0)
            {
                _inHeader = false;
                _payloadLeft = _length;
            }
        }
        return true;
    }

    private async Task SendProtocolErrorCloseAsync()
    {
        // A send stuck behind a peer that does not read must not hold the receive loop: give up then.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _writeLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await inner.WriteAsync(ProtocolErrorClose, timeout.Token).ConfigureAwait(false);
                await inner.FlushAsync(timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }
}
