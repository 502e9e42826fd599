using System.Security.Cryptography;
using System.Text;

namespace CqBot.Hosting.Authentication;

/// <summary>
/// Checks <c>X-Signature: sha1=&lt;hex&gt;</c>, the HMAC-SHA1 of the raw HTTP POST body keyed with the
/// secret, in constant time. A missing header counts as <see cref="CredentialCheck.Missing"/> (401),
/// as in nonebot, aiocqhttp and Koishi and like a missing access token; a wrong or malformed one as
/// <see cref="CredentialCheck.Wrong"/> (403).
/// </summary>
internal sealed class SignatureValidator
{
    private readonly byte[]? _key;

    public SignatureValidator(string? secret) => _key = string.IsNullOrEmpty(secret) ? null : Encoding.UTF8.GetBytes(secret);

    public bool IsRequired => _key is not null;

    public CredentialCheck Check(string? header, ReadOnlySpan<byte> body)
    {
        if (_key is null)
        {
            return CredentialCheck.Valid;
        }
        if (string.IsNullOrEmpty(header))
        {
            return CredentialCheck.Missing;
        }
        var value = header.AsSpan().Trim();
        if (!value.StartsWith("sha1=", StringComparison.OrdinalIgnoreCase) || value.Length != 5 + (2 * HMACSHA1.HashSizeInBytes))
        {
            return CredentialCheck.Wrong;
        }
        Span<byte> given = stackalloc byte[HMACSHA1.HashSizeInBytes];
        if (Convert.FromHexString(value[5..], given, out _, out var written) != System.Buffers.OperationStatus.Done || written != given.Length)
        {
            return CredentialCheck.Wrong;
        }
        Span<byte> expected = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(_key, body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected) ? CredentialCheck.Valid : CredentialCheck.Wrong;
    }
}
