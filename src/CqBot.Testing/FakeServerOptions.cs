namespace CqBot.Testing;

/// <summary>How a <see cref="FakeOneBotServer"/> behaves.</summary>
public sealed class FakeServerOptions
{
    /// <summary>The access token it requires (401 when missing, 403 when wrong), or null for none.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Push a lifecycle <c>connect</c> event when a WebSocket on <c>/</c> or <c>/event</c> opens, as go-cqhttp does.</summary>
    public bool SendLifecycleConnect { get; set; } = true;

    /// <summary>Record every call in <see cref="FakeOneBotServer.Calls"/>.</summary>
    public bool RecordCalls { get; set; } = true;
}
