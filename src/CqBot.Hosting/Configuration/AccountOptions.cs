namespace CqBot.Hosting;

/// <summary>Settings of one bot account.</summary>
public sealed class AccountOptions
{
    /// <summary>This account's HTTP API, for example <c>http://127.0.0.1:5700/</c>.</summary>
    public Uri? ApiRoot { get; set; }

    /// <summary>
    /// This account's own access token; <see cref="BotOptions.AccessToken"/> when null. When set, it is
    /// sent on the account's HTTP API calls, and the account's reverse WebSockets and HTTP POSTs must
    /// present it: the shared token is not enough for them.
    /// </summary>
    public string? AccessToken { get; set; }
}
