using CqBot.Diagnostics;

namespace CqBot;

/// <summary>A bot account whose API calls go through an <see cref="IApiTransport"/>, and through <see cref="ApiHooks"/> when given.</summary>
public sealed class Bot(long selfId, IApiTransport transport, ApiHooks? hooks = null) : IBot
{
    /// <inheritdoc />
    public long SelfId { get; } = selfId;

    /// <inheritdoc />
    public ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ApiCallInstrumentation.IsEnabled)
        {
            return ApiCallInstrumentation.SendAsync(this, transport, hooks, request, cancellationToken);
        }
        return hooks is null || hooks.IsEmpty
            ? transport.SendAsync(request, cancellationToken)
            : hooks.SendAsync(this, transport, request, cancellationToken);
    }
}
