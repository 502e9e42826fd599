namespace CqBot;

/// <summary>A voice message converted to a file, from <c>GetRecordAsync</c>.</summary>
public sealed record RecordFile
{
    /// <summary>The converted file's local path on the implementation's machine.</summary>
    public required string File { get; init; }
}

/// <summary>A received image downloaded to a file, from <c>GetImageAsync</c>.</summary>
public sealed record ImageFile
{
    /// <summary>The image's local path on the implementation's machine.</summary>
    public required string File { get; init; }

    /// <summary>The file's size in bytes (go-cqhttp); null when not reported.</summary>
    public long? Size { get; init; }

    /// <summary>The file's original name (go-cqhttp); null when not reported.</summary>
    public string? Filename { get; init; }

    /// <summary>The image's download URL (go-cqhttp); null when not reported.</summary>
    public string? Url { get; init; }
}

/// <summary>Whether the implementation can send a kind of message, from <c>CanSendImageAsync</c> or <c>CanSendRecordAsync</c>.</summary>
public sealed record CanSendAnswer
{
    /// <summary>True when it can.</summary>
    public required bool Yes { get; init; }
}

/// <summary>The implementation's status, from <c>GetStatusAsync</c> (the heartbeat's <c>status</c>).</summary>
public sealed record BotStatus
{
    /// <summary>Whether the account is online; null when the implementation does not know.</summary>
    public bool? Online { get; init; }

    /// <summary>Whether everything works and the account is online.</summary>
    public bool Good { get; init; }
}

/// <summary>Which implementation the bot talks to, from <c>GetVersionInfoAsync</c>: switch on <see cref="AppName"/> for its quirks.</summary>
public sealed record VersionInfo
{
    /// <summary>The implementation, such as <c>go-cqhttp</c>, <c>NapCat.Onebot</c>, <c>Lagrange.OneBot</c> or <c>LLOneBot</c>; empty when not reported.</summary>
    public string AppName { get; init; } = "";

    /// <summary>The implementation's version; empty when not reported.</summary>
    public string AppVersion { get; init; } = "";

    /// <summary>The OneBot version, <c>v11</c>; empty when not reported.</summary>
    public string ProtocolVersion { get; init; } = "";
}
