using System.Text.Json.Nodes;

namespace CqBot;

/// <summary>Carries API calls of one account to its implementation (WebSocket, HTTP, or a test double).</summary>
public interface IApiTransport
{
    /// <summary>Sends one action and waits for its response envelope.</summary>
    ValueTask<ApiResponse> SendAsync(string action, JsonObject? parameters, CancellationToken cancellationToken);
}
