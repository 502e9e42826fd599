using System.Text.Json;
using System.Text.Json.Nodes;

namespace CqBot;

/// <summary>A bot account whose API calls go through an <see cref="IApiTransport"/>, and through <see cref="ApiHooks"/> when given.</summary>
public sealed class Bot(long selfId, IApiTransport transport, ApiHooks? hooks = null) : IBot
{
    /// <inheritdoc />
    public long SelfId { get; } = selfId;

    /// <inheritdoc />
    public async ValueTask<JsonElement?> CallAsync(string action, JsonObject? parameters = null, CancellationToken cancellationToken = default)
    {
        var response = hooks is null
            ? await transport.SendAsync(action, parameters, cancellationToken).ConfigureAwait(false)
            : await hooks.SendAsync(this, transport, action, parameters, cancellationToken).ConfigureAwait(false);
        return response.GetDataOrThrow(action);
    }
}
