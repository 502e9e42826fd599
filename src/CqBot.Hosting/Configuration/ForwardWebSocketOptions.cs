namespace CqBot.Hosting;

/// <summary>
/// An implementation's WebSocket server that CqBot connects to. The URL's path picks the role:
/// <c>/api</c> carries API calls only, <c>/event</c> events only, anything else both.
/// </summary>
public sealed class ForwardWebSocketOptions
{
    /// <summary>The server, for example <c>ws://127.0.0.1:6700/</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The token sent when connecting; <see cref="BotOptions.AccessToken"/> when null.</summary>
    public string? AccessToken { get; set; }
}
