namespace CqBot;

/// <summary>
/// One bot account: the way to call any OneBot action on it. The typed calls
/// (<c>bot.SendGroupMessageAsync(…)</c>, <c>bot.GetGroupMemberInfoAsync(…)</c>) are extension methods;
/// when several accounts are connected, call them on the account you mean (<c>session.Bot</c>, or
/// <c>app.Accounts.Find(selfId)</c>).
/// </summary>
public interface IBot
{
    /// <summary>The account's QQ number.</summary>
    long SelfId { get; }

    /// <summary>
    /// Sends one request and returns the response envelope, whatever its status (API hooks run around it).
    /// Throws an <see cref="ApiException"/> subclass when the call cannot be made (no connection, network
    /// failure, timeout); <c>CallAsync</c> also throws when the action failed.
    /// </summary>
    ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default);
}
