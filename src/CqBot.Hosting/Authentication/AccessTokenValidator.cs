using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CqBot.Hosting.Authentication;

/// <summary>
/// Checks the access token of an incoming request: <c>Authorization: Bearer &lt;t&gt;</c> or
/// <c>Token &lt;t&gt;</c> (the scheme in any case; CQHTTP and go-cqhttp send <c>Token</c>), or
/// <c>?access_token=&lt;t&gt;</c> when there is no such header. Compared in constant time.
/// </summary>
internal sealed class AccessTokenValidator
{
    private readonly byte[]? _expectedHash;

    public AccessTokenValidator(string? accessToken) =>
        _expectedHash = string.IsNullOrEmpty(accessToken) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(accessToken));

    public bool IsRequired => _expectedHash is not null;

    public CredentialCheck Check(HttpRequest request)
    {
        if (_expectedHash is null)
        {
            return CredentialCheck.Valid;
        }
        var token = ReadHeaderToken(request.Headers.Authorization.ToString());
        if (token.IsEmpty && request.Query.TryGetValue("access_token", out var query) && query.ToString() is { Length: > 0 } fromQuery)
        {
            token = fromQuery.AsSpan();
        }
        if (token.IsEmpty)
        {
            return CredentialCheck.Missing;
        }
        return Matches(token) ? CredentialCheck.Valid : CredentialCheck.Wrong;
    }

    private bool Matches(ReadOnlySpan<char> token)
    {
        // Hashing first makes the comparison constant-time whatever the lengths.
        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        var bytes = Encoding.UTF8.GetBytes(token.ToString());
        SHA256.HashData(bytes, given);
        return CryptographicOperations.FixedTimeEquals(given, _expectedHash);
    }

    /// <summary>The token after a <c>Bearer</c> or <c>Token</c> scheme; empty for no header or another scheme.</summary>
    internal static ReadOnlySpan<char> ReadHeaderToken(string header)
    {
        var value = header.AsSpan().Trim();
        var space = value.IndexOfAny(' ', '\t');
        if (space <= 0)
        {
            return default;
        }
        var scheme = value[..space];
        if (!scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("Token", StringComparison.OrdinalIgnoreCase))
        {
            return default;
        }
        return value[(space + 1)..].Trim();
    }
}
