using System.Text.Json;
using System.Text.Json.Nodes;

namespace CqBot;

/// <summary>Calls of any action: typed requests, and actions by name with parameters as a <see cref="JsonObject"/>.</summary>
public static class BotCallExtensions
{
    /// <summary>
    /// Calls the action and reads its result. Throws <see cref="ActionFailedException"/> when the action
    /// failed and <see cref="ApiResponseException"/> when its data lacks a required field.
    /// </summary>
    public static async ValueTask<TResult> CallAsync<TResult>(this IBot bot, ApiRequest<TResult> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(request);
        var response = await bot.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var data = response.GetDataOrThrow(request.WireAction);
        return response.Value is TResult given ? given : request.ReadResult(data);
    }

    /// <summary>Calls the action, ignoring its result. Throws <see cref="ActionFailedException"/> when it failed.</summary>
    public static async ValueTask CallAsync(this IBot bot, ApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(request);
        var response = await bot.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.GetDataOrThrow(request.WireAction);
    }

    /// <summary>
    /// Calls any action by name, such as one no typed method declares yet, and returns its <c>data</c>
    /// (which may be null). Throws <see cref="ActionFailedException"/> when it failed.
    /// </summary>
    public static ValueTask<JsonElement?> CallAsync(this IBot bot, string action, JsonObject? parameters = null, CancellationToken cancellationToken = default) =>
        bot.CallAsync(new JsonObjectRequest(action, parameters), cancellationToken);
}
