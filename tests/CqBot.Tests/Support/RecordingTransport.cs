using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CqBot.Tests.Support;

/// <summary>An API transport that records each call and answers with a successful envelope.</summary>
internal sealed class RecordingTransport : IApiTransport
{
    public ConcurrentQueue<(string Action, JsonObject? Parameters)> Calls { get; } = new();

    public ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        Calls.Enqueue((request.WireAction, JsonNode.Parse(request.GetParameters().GetRawText())?.AsObject()));
        using var data = JsonDocument.Parse("{\"message_id\":1}");
        return ValueTask.FromResult(new ApiResponse("ok", 0, data.RootElement.Clone()));
    }
}
