using System.Text.Json;

namespace CqBot;

/// <summary>The response envelope of an OneBot action.</summary>
/// <param name="Status"><c>ok</c>, <c>async</c> or <c>failed</c>.</param>
/// <param name="RetCode">The return code; 0 on success.</param>
/// <param name="Data">The action's data, or null.</param>
/// <param name="ErrorMessage">The implementation's explanation of a failure, from <c>wording</c>, <c>message</c> or <c>msg</c>.</param>
public sealed record ApiResponse(string Status, long RetCode, JsonElement? Data, string? ErrorMessage = null)
{
    /// <summary>
    /// A result given as an object instead of JSON, by a test double that answers typed (see
    /// <c>TestBot.Reply</c>): a typed call returns it as it is when it has the call's result type.
    /// </summary>
    public object? Value { get; init; }

    /// <summary>
    /// Returns the data of a successful call, or throws <see cref="ActionFailedException"/>.
    /// Success is decided by <c>status</c> alone: implementations disagree about retcodes.
    /// </summary>
    public JsonElement? GetDataOrThrow(string action) => Status is "ok" or "async"
        ? Data
        : throw new ActionFailedException(action, RetCode, ErrorMessage);
}
