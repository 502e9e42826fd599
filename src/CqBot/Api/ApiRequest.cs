using System.Buffers;
using System.Text.Json;

namespace CqBot;

/// <summary>
/// One OneBot action with its parameters, written straight to the transport's buffer as JSON. The
/// typed API (<c>bot.GetGroupMemberInfoAsync(…)</c>) makes these for you; declare an implementation's
/// own action with <see cref="OneBotActionAttribute"/> and the generator writes its request too.
/// </summary>
public abstract class ApiRequest
{
    /// <summary>Creates a request for <paramref name="action"/>.</summary>
    protected ApiRequest(string action)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        Action = action;
    }

    /// <summary>The action, such as <c>send_group_msg</c>, without a suffix.</summary>
    public string Action { get; }

    /// <summary>
    /// How the implementation runs the action: at once (the default), queued (<c>_async</c>: no result), or
    /// queued behind a rate limit (<c>_rate_limited</c>: no result).
    /// </summary>
    public ApiCallMode Mode { get; init; }

    /// <summary>The action name sent to the implementation, with the suffix of <see cref="Mode"/>.</summary>
    public string WireAction => Mode switch
    {
        ApiCallMode.Queued => Action + "_async",
        ApiCallMode.RateLimited => Action + "_rate_limited",
        _ => Action,
    };

    /// <summary>True when the action posts a message: the account's send rate limit applies to it.</summary>
    public virtual bool SendsMessage => false;

    /// <summary>For a message, the group it goes to; null for a private message or another action.</summary>
    public virtual long? TargetGroupId => null;

    /// <summary>Writes the <c>params</c> object, from <c>{</c> to <c>}</c>.</summary>
    public abstract void WriteParameters(Utf8JsonWriter writer);

    /// <summary>The parameters as JSON, written on demand: for hooks, logs and tests, not for the transport.</summary>
    public JsonElement GetParameters()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteParameters(writer);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <inheritdoc />
    public override string ToString() => WireAction + " " + GetParameters().GetRawText();
}

/// <summary>An action whose <c>data</c> reads into <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">What the action answers.</typeparam>
public abstract class ApiRequest<TResult> : ApiRequest
{
    /// <summary>Creates a request for <paramref name="action"/>.</summary>
    protected ApiRequest(string action)
        : base(action)
    {
    }

    /// <summary>
    /// Reads the <c>data</c> of a successful response. Tolerant as implementations require (unknown fields
    /// ignored, ids as strings accepted, missing optional fields null); a missing required field or a
    /// wrong shape throws <see cref="ApiResponseException"/> naming the action and the field.
    /// </summary>
    public abstract TResult ReadResult(JsonElement? data);
}

/// <summary>How an implementation runs an action (OneBot's <c>_async</c> and <c>_rate_limited</c> suffixes).</summary>
public enum ApiCallMode
{
    /// <summary>At once; the response carries the result.</summary>
    Immediate,

    /// <summary>Queued (<c>_async</c>): the implementation answers at once with no result.</summary>
    Queued,

    /// <summary>Queued and run one at a time at the implementation's rate (<c>_rate_limited</c>): no result.</summary>
    RateLimited,
}
