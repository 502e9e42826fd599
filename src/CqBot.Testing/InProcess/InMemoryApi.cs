using System.Collections.Concurrent;
using System.Text.Json;

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

    private readonly ConcurrentDictionary<Type, Func<ApiRequest, object?>> _typed = new();

    public void Script(string action, ApiReply reply) => _scripted[action] = reply;

    public void Script(Type requestType, Func<ApiRequest, object?> answer) => _typed[requestType] = answer;

    public ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var action = request.WireAction;
        lock (_gate)
        {
            _calls.Add(new ApiCall(action, request.GetParameters(), null, "in-memory") { Request = request });
        }
        if (_typed.TryGetValue(request.GetType(), out var answer))
        {
            return ValueTask.FromResult(new ApiResponse("ok", 0, null) { Value = answer(request) });
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

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
