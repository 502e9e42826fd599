using System.Text.Json;
using System.Text.Json.Nodes;

namespace CqBot;

/// <summary>One bot account: the way to call any OneBot action on it.</summary>
public interface IBot
{
    /// <summary>The account's QQ number.</summary>
    long SelfId { get; }

    /// <summary>
    /// Calls an OneBot action and returns its <c>data</c> (which may be null).
    /// Throws an <see cref="ApiException"/> subclass when the call cannot be made or the action fails.
    /// </summary>
    ValueTask<JsonElement?> CallAsync(string action, JsonObject? parameters = null, CancellationToken cancellationToken = default);
}
