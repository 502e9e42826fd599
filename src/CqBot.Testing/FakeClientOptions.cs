namespace CqBot.Testing;

/// <summary>How a <see cref="FakeOneBotClient"/> connects.</summary>
public sealed class FakeClientOptions
{
    /// <summary>The access token to present, or null for none.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The <c>Authorization</c> scheme: <c>Bearer</c> (the spec, NapCat, Lagrange) or <c>Token</c> (CQHTTP, go-cqhttp).</summary>
    public string TokenScheme { get; set; } = "Bearer";

    /// <summary>Send the token as <c>?access_token=</c> instead of a header.</summary>
    public bool TokenInQuery { get; set; }

    /// <summary>Leave out <c>X-Client-Role</c>, as some implementations do.</summary>
    public bool OmitRole { get; set; }

    /// <summary>Send a lifecycle <c>connect</c> event first on event-carrying sockets, as real implementations do.</summary>
    public bool SendLifecycleConnect { get; set; }

    /// <summary>Record every call in <see cref="FakeOneBotClient.Calls"/>; turn off for long load runs.</summary>
    public bool RecordCalls { get; set; } = true;
}
