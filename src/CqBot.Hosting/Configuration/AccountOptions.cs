namespace CqBot.Hosting;

/// <summary>Settings of one bot account.</summary>
public sealed class AccountOptions
{
    /// <summary>This account's HTTP API, for example <c>http://127.0.0.1:5700/</c>.</summary>
    public Uri? ApiRoot { get; set; }

    /// <summary>The token sent on this account's HTTP API calls; <see cref="BotOptions.AccessToken"/> when null.</summary>
    public string? AccessToken { get; set; }
}
