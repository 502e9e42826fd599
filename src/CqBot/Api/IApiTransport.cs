namespace CqBot;

/// <summary>Carries API calls of one account to its implementation (WebSocket, HTTP, or a test double).</summary>
public interface IApiTransport
{
    /// <summary>Sends one request and waits for its response envelope.</summary>
    ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken);
}
