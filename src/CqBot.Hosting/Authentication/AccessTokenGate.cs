using Microsoft.AspNetCore.Http;

namespace CqBot.Hosting.Authentication;

/// <summary>
/// Middleware that lets a request through only with the bot's access token, when one is set: 401 with
/// <c>WWW-Authenticate: Bearer</c> without it, 403 with a wrong one, as the OneBot endpoints answer.
/// </summary>
internal static class AccessTokenGate
{
    public static Func<RequestDelegate, RequestDelegate> Create(AccessTokenValidator tokens) => next => context =>
    {
        switch (tokens.Check(context.Request))
        {
            case CredentialCheck.Missing:
                context.Response.Headers.WWWAuthenticate = "Bearer";
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            case CredentialCheck.Wrong:
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            default:
                return next(context);
        }
    };
}
