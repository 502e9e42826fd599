namespace CqBot;

/// <summary>Base of every error raised by an OneBot API call.</summary>
public abstract class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected ApiException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

/// <summary>The bot has no way to call the API: no connection carries API calls and no HTTP API root is configured.</summary>
public sealed class ApiNotAvailableException(string message) : ApiException(message);

/// <summary>The connection to the implementation failed, dropped or timed out during the call.</summary>
public sealed class NetworkException(string message, Exception? inner = null) : ApiException(message, inner);

/// <summary>The implementation's HTTP API answered with a non-success status code.</summary>
public sealed class HttpFailedException(int statusCode, string message) : ApiException(message)
{
    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; } = statusCode;
}

/// <summary>The implementation ran the action and reported <c>status: failed</c>.</summary>
public sealed class ActionFailedException(string action, long retCode, string? wording)
    : ApiException($"Action '{action}' failed with retcode {retCode}{(wording is null ? "" : ": " + wording)}.")
{
    /// <summary>The action that failed.</summary>
    public string Action { get; } = action;

    /// <summary>The implementation's return code.</summary>
    public long RetCode { get; } = retCode;

    /// <summary>The implementation's explanation, if any.</summary>
    public string? Wording { get; } = wording;
}

/// <summary>
/// A successful response whose <c>data</c> lacks a required field or has a field of the wrong shape; the
/// message names the action and the field.
/// </summary>
public sealed class ApiResponseException(string action, string field, string problem)
    : ApiException($"The response of '{action}' {problem}: field '{field}'.")
{
    /// <summary>The action.</summary>
    public string Action { get; } = action;

    /// <summary>The field, as a path such as <c>sender.user_id</c>.</summary>
    public string Field { get; } = field;

    /// <summary>What is wrong with the field, for a reader that adds the path of an enclosing object.</summary>
    internal string Problem { get; } = problem;
}
