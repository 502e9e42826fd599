using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CqBot.Testing;

/// <summary>The API side of a <see cref="TestBot"/>: records every call and answers with scripted results.</summary>
internal sealed class InMemoryApi : IApiTransport
{
    private readonly object _gate = new();
    private readonly List<ApiCall> _calls = [];
    private readonly ConcurrentDictionary<string, ApiReply> _scripted = new(StringComparer.Ordinal);
    private long _nextMessageId = 1;

    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _calls.Count;
            }
        }
    }

    public IReadOnlyList<ApiCall> Since(int first)
    {
        lock (_gate)
        {
            return _calls[first..];
        }
    }

    public void Script(string action, ApiReply reply) => _scripted[action] = reply;

    public ValueTask<ApiResponse> SendAsync(string action, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var element = parameters is null ? FakeJson.EmptyObject : Copy(parameters);
        lock (_gate)
        {
            _calls.Add(new ApiCall(action, element, null, "in-memory"));
        }
        if (_scripted.TryGetValue(action, out var reply))
        {
            return ValueTask.FromResult(reply.Kind == ApiReplyKind.Ok
                ? new ApiResponse("ok", 0, Parse(reply.DataJson))
                : new ApiResponse("failed", reply.RetCode, null, reply.Wording));
        }
        var id = Interlocked.Increment(ref _nextMessageId);
        return ValueTask.FromResult(new ApiResponse("ok", 0, Parse("{\"message_id\":" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}")));
    }

    private static JsonElement Copy(JsonObject parameters)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            parameters.WriteTo(writer);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
