using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace CqBot.Tests.Support;

/// <summary>Plays an OneBot implementation that connects to the bot by reverse WebSocket.</summary>
internal sealed class FakeOneBotClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _calls = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiving;

    public static async Task<FakeOneBotClient> ConnectAsync(Uri uri, long selfId, string role = "Universal", CancellationToken cancellationToken = default)
    {
        var client = new FakeOneBotClient();
        client._socket.Options.SetRequestHeader("X-Self-ID", selfId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        client._socket.Options.SetRequestHeader("X-Client-Role", role);
        await client._socket.ConnectAsync(uri, cancellationToken);
        client._receiving = client.ReceiveAsync();
        return client;
    }

    public Task SendAsync(string json, CancellationToken cancellationToken = default) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>Waits for the next API call the bot makes.</summary>
    public async Task<JsonElement> NextCallAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await _calls.Reader.ReadAsync(cancel.Token);
    }

    /// <summary>Answers an API call with a successful envelope.</summary>
    public Task RespondOkAsync(JsonElement call, string dataJson = "{\"message_id\":1}")
    {
        var echo = call.GetProperty("echo").GetRawText();
        return SendAsync($$"""{"status":"ok","retcode":0,"data":{{dataJson}},"echo":{{echo}}}""");
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                using var frame = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, _stop.Token);
                    frame.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                using var document = JsonDocument.Parse(frame.ToArray());
                await _calls.Writer.WriteAsync(document.RootElement.Clone());
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            _calls.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
            {
            }
        }
        _stop.Cancel();
        if (_receiving is not null)
        {
            await _receiving;
        }
        _socket.Dispose();
    }
}
