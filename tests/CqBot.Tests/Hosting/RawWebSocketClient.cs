using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace CqBot.Tests.Hosting;

/// <summary>
/// A WebSocket client written by hand over <see cref="TcpClient"/>, for input that
/// <see cref="System.Net.WebSockets.ClientWebSocket"/> never produces (unmasked frames, reserved bits
/// and opcodes, invalid UTF-8) and for a peer that never reads what the server sends.
/// </summary>
internal sealed class RawWebSocketClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawWebSocketClient(TcpClient tcp, int status)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        Status = status;
    }

    /// <summary>The status code of the handshake's response: 101 when the WebSocket was accepted.</summary>
    public int Status { get; }

    public NetworkStream Stream => _stream;

    /// <summary>Connects and sends the opening handshake with <paramref name="headers"/>; reads the response's head.</summary>
    public static async Task<RawWebSocketClient> ConnectAsync(Uri url, IReadOnlyDictionary<string, string> headers, int receiveBufferSize = 0)
    {
        var tcp = new TcpClient();
        if (receiveBufferSize > 0)
        {
            tcp.ReceiveBufferSize = receiveBufferSize;
        }
        await tcp.ConnectAsync(url.Host, url.Port);
        var request = new StringBuilder()
            .Append("GET ").Append(url.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(url.Authority).Append("\r\n")
            .Append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
            .Append("Sec-WebSocket-Key: ").Append(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))).Append("\r\n")
            .Append("Sec-WebSocket-Version: 13\r\n");
        foreach (var (name, value) in headers)
        {
            request.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        request.Append("\r\n");
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
        // Read the head byte by byte, so that nothing after it is consumed.
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^1] != '\n' || head[^2] != '\r' || head[^3] != '\n' || head[^4] != '\r')
        {
            if (await stream.ReadAsync(one) == 0)
            {
                break;
            }
            head.Add(one[0]);
        }
        var statusLine = Encoding.ASCII.GetString([.. head]).Split("\r\n")[0];
        return new RawWebSocketClient(tcp, int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Writes one frame; <paramref name="firstByte"/> carries FIN, the RSV bits and the opcode.</summary>
    public async Task SendFrameAsync(byte firstByte, byte[] payload, bool masked = true)
    {
        var frame = new List<byte> { firstByte };
        var maskBit = masked ? (byte)0x80 : (byte)0;
        if (payload.Length < 126)
        {
            frame.Add((byte)(maskBit | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            frame.Add((byte)(maskBit | 126));
            var length = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)payload.Length);
            frame.AddRange(length);
        }
        else
        {
            frame.Add((byte)(maskBit | 127));
            var length = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(length, (ulong)payload.Length);
            frame.AddRange(length);
        }
        var bytes = (byte[])payload.Clone();
        if (masked)
        {
            var key = RandomNumberGenerator.GetBytes(4);
            frame.AddRange(key);
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] ^= key[i % 4];
            }
        }
        frame.AddRange(bytes);
        await _stream.WriteAsync(frame.ToArray());
    }

    /// <summary>Reads frames until a close frame and returns its status code, or null when the connection ends without one.</summary>
    public async Task<int?> ReadCloseStatusAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var head = new byte[2];
                await _stream.ReadExactlyAsync(head, cancel.Token);
                long length = head[1] & 0x7F;
                if (length == 126)
                {
                    var extended = new byte[2];
                    await _stream.ReadExactlyAsync(extended, cancel.Token);
                    length = BinaryPrimitives.ReadUInt16BigEndian(extended);
                }
                else if (length == 127)
                {
                    var extended = new byte[8];
                    await _stream.ReadExactlyAsync(extended, cancel.Token);
                    length = (long)BinaryPrimitives.ReadUInt64BigEndian(extended);
                }
                var payload = new byte[length];
                await _stream.ReadExactlyAsync(payload, cancel.Token);
                if ((head[0] & 0x0F) == 0x8)
                {
                    return payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload) : null;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or EndOfStreamException or SocketException)
        {
            return null;
        }
    }

    /// <summary>Reads and drops everything until the server ends the connection; false if it is still open after <paramref name="timeout"/>.</summary>
    public async Task<bool> ReadUntilClosedAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var sink = new byte[1 << 16];
        try
        {
            while (await _stream.ReadAsync(sink, cancel.Token) > 0)
            {
            }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }
}
