namespace CqBot;

/// <summary>The bot's account, its friends and other users, and its web credentials: the account actions of OneBot v11.</summary>
public static partial class AccountActions
{
    /// <summary>Sends profile likes to a user (<c>send_like</c>); QQ allows 10 a day per friend.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="userId">The user (<c>user_id</c>).</param>
    /// <param name="times">How many likes (<c>times</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("send_like")]
    public static partial Task SendLikeAsync(this IBot bot, long userId, int times = 1, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Answers a friend request (<c>set_friend_add_request</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="flag">The request event's <c>flag</c> (<c>flag</c>).</param>
    /// <param name="approve">True to accept, false to refuse (<c>approve</c>).</param>
    /// <param name="remark">The remark to give the new friend (<c>remark</c>); only for an approval.</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_friend_add_request")]
    public static partial Task SetFriendAddRequestAsync(this IBot bot, string flag, bool approve = true, string remark = "", ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Reads the bot's own QQ number and nickname (<c>get_login_info</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The account's number and nickname.</returns>
    [OneBotAction("get_login_info")]
    public static partial Task<LoginInfo> GetLoginInfoAsync(this IBot bot, CancellationToken cancellationToken = default);

    /// <summary>Reads any user's public profile (<c>get_stranger_info</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="userId">The user (<c>user_id</c>).</param>
    /// <param name="noCache">Ask QQ rather than the implementation's cache: slower, fresher (<c>no_cache</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The user's nickname, sex and age.</returns>
    [OneBotAction("get_stranger_info")]
    public static partial Task<StrangerInfo> GetStrangerInfoAsync(this IBot bot, long userId, bool noCache = false, CancellationToken cancellationToken = default);

    /// <summary>Lists the bot's friends (<c>get_friend_list</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The friends.</returns>
    [OneBotAction("get_friend_list")]
    public static partial Task<IReadOnlyList<FriendInfo>> GetFriendListAsync(this IBot bot, CancellationToken cancellationToken = default);

    /// <summary>Reads the account's cookies for a domain (<c>get_cookies</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="domain">The domain, such as <c>qun.qq.com</c> (<c>domain</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The cookies.</returns>
    [OneBotAction("get_cookies")]
    public static partial Task<CookieInfo> GetCookiesAsync(this IBot bot, string domain = "", CancellationToken cancellationToken = default);

    /// <summary>Reads the CSRF token of the account's web session (<c>get_csrf_token</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The token.</returns>
    [OneBotAction("get_csrf_token")]
    public static partial Task<CsrfTokenInfo> GetCsrfTokenAsync(this IBot bot, CancellationToken cancellationToken = default);

    /// <summary>Reads cookies and CSRF token at once (<c>get_credentials</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="domain">The domain of the cookies (<c>domain</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The cookies and the token.</returns>
    [OneBotAction("get_credentials")]
    public static partial Task<Credentials> GetCredentialsAsync(this IBot bot, string domain = "", CancellationToken cancellationToken = default);
}
