namespace CqBot;

/// <summary>The bot's own account, from <c>GetLoginInfoAsync</c>.</summary>
public sealed record LoginInfo
{
    /// <summary>The account's QQ number.</summary>
    public required long UserId { get; init; }

    /// <summary>The account's nickname; empty when not reported.</summary>
    public string Nickname { get; init; } = "";
}

/// <summary>Any QQ user's public profile, from <c>GetStrangerInfoAsync</c>.</summary>
public sealed record StrangerInfo
{
    /// <summary>The user's QQ number.</summary>
    public required long UserId { get; init; }

    /// <summary>The user's nickname; empty when not reported.</summary>
    public string Nickname { get; init; } = "";

    /// <summary>The user's sex; <see cref="Sex.Unknown"/> when not reported.</summary>
    public Sex Sex { get; init; }

    /// <summary>The user's age; null when not reported.</summary>
    public int? Age { get; init; }
}

/// <summary>A friend of the bot, from <c>GetFriendListAsync</c>.</summary>
public sealed record FriendInfo
{
    /// <summary>The friend's QQ number.</summary>
    public required long UserId { get; init; }

    /// <summary>The friend's nickname; empty when not reported.</summary>
    public string Nickname { get; init; } = "";

    /// <summary>The remark the bot gave the friend; null when not reported.</summary>
    public string? Remark { get; init; }
}

/// <summary>The cookies of a domain, from <c>GetCookiesAsync</c>.</summary>
public sealed record CookieInfo
{
    /// <summary>The cookies, as a <c>Cookie</c> header value.</summary>
    public string Cookies { get; init; } = "";
}

/// <summary>The CSRF token of the account's web session, from <c>GetCsrfTokenAsync</c>.</summary>
public sealed record CsrfTokenInfo
{
    /// <summary>The token (QQ's <c>bkn</c>).</summary>
    public required long Token { get; init; }
}

/// <summary>Cookies and CSRF token together, from <c>GetCredentialsAsync</c>.</summary>
public sealed record Credentials
{
    /// <summary>The cookies, as a <c>Cookie</c> header value.</summary>
    public string Cookies { get; init; } = "";

    /// <summary>The CSRF token (QQ's <c>bkn</c>); null when not reported.</summary>
    public long? CsrfToken { get; init; }
}
