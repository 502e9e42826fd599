using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CqBot.Hosting.Authentication;

/// <summary>
/// Checks the access token of an incoming request: <c>Authorization: Bearer &lt;t&gt;</c> or
/// <c>Token &lt;t&gt;</c> (the scheme in any case; CQHTTP and go-cqhttp send <c>Token</c>), or
/// <c>?access_token=&lt;t&gt;</c> when there is no such header. Compared in constant time. An account
/// with a token of its own (<see cref="AccountOptions.AccessToken"/>) must present that one; the shared
/// token does not open it.
/// </summary>
internal sealed class AccessTokenValidator
{
    private readonly byte[]? _expectedHash;
    private readonly Dictionary<long, byte[]>? _accountHashes;

    public AccessTokenValidator(string? accessToken, IEnumerable<KeyValuePair<long, AccountOptions>>? accounts = null)
    {
        _expectedHash = Hash(accessToken);
        foreach (var (selfId, own) in accounts ?? [])
        {
            if (Hash(own.AccessToken) is { } hash)
            {
                (_accountHashes ??= [])[selfId] = hash;
            }
        }
    }

    /// <summary>True when the shared token is set.</summary>
    public bool IsRequired => _expectedHash is not null;

    /// <summary>True when some account has a token of its own.</summary>
    public bool HasAccountTokens => _accountHashes is not null;

    /// <summary>True when the account <paramref name="selfId"/> has a token of its own.</summary>
    public bool HasOwnToken(long selfId) => _accountHashes is not null && _accountHashes.ContainsKey(selfId);

    /// <summary>Checks the shared token.</summary>
    public CredentialCheck Check(HttpRequest request) => _expectedHash is null ? CredentialCheck.Valid : Check(request, _expectedHash, null);

    /// <summary>
    /// Checks the token of account <paramref name="selfId"/>: its own when it has one, else the shared one.
    /// With 0 (the account is not known yet) the shared token or any account's own is accepted; check
    /// again once the account is known.
    /// </summary>
    public CredentialCheck Check(HttpRequest request, long selfId)
    {
        if (_accountHashes is null)
        {
            return Check(request);
        }
        if (_accountHashes.TryGetValue(selfId, out var own))
        {
            return Check(request, own, null);
        }
        if (selfId != 0)
        {
            return Check(request);
        }
        return _expectedHash is null ? CredentialCheck.Valid : Check(request, _expectedHash, _accountHashes);
    }

    private static CredentialCheck Check(HttpRequest request, byte[] expected, Dictionary<long, byte[]>? alternatives)
    {
        var token = ReadHeaderToken(request.Headers.Authorization.ToString());
        if (token.IsEmpty && request.Query.TryGetValue("access_token", out var query) && query.ToString() is { Length: > 0 } fromQuery)
        {
            token = fromQuery.AsSpan();
        }
        if (token.IsEmpty)
        {
            return CredentialCheck.Missing;
        }
        // Hashing first makes the comparison constant-time whatever the lengths.
        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token.ToString()), given);
        if (CryptographicOperations.FixedTimeEquals(given, expected))
        {
            return CredentialCheck.Valid;
        }
        foreach (var hash in alternatives?.Values ?? Enumerable.Empty<byte[]>())
        {
            if (CryptographicOperations.FixedTimeEquals(given, hash))
            {
                return CredentialCheck.Valid;
            }
        }
        return CredentialCheck.Wrong;
    }

    private static byte[]? Hash(string? token) => string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

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
