using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CqBot.Testing;

/// <summary>
/// Plays an implementation that reports events by HTTP POST: signs the body with the secret
/// (<c>X-Signature: sha1=…</c>), sends <c>X-Self-ID</c> and the access token, and returns the bot's answer.
/// </summary>
public sealed class FakeOneBotPoster : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _url;

    /// <summary>
    /// Posts to <paramref name="url"/> (the bot's root, such as <c>http://127.0.0.1:8080/</c>) as account
    /// <paramref name="selfId"/>, over at most <paramref name="maxConnections"/> connections at once.
    /// </summary>
    public FakeOneBotPoster(Uri url, long selfId, string? secret = null, string? accessToken = null, int maxConnections = 64)
    {
        _url = url;
        SelfId = selfId;
        Secret = secret;
        AccessToken = accessToken;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = maxConnections })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The account this poster plays.</summary>
    public long SelfId { get; }

    /// <summary>The secret that signs bodies; null sends no signature.</summary>
    public string? Secret { get; set; }

    /// <summary>The access token; null sends none.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Posts an event and returns the bot's answer.</summary>
    public async Task<PostResult> PostAsync(string json, CancellationToken cancellationToken = default)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Self-ID", SelfId.ToString(CultureInfo.InvariantCulture));
        if (Secret is not null)
        {
            request.Headers.Add("X-Signature", Sign(Secret, body));
        }
        if (AccessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        }
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new PostResult(response.StatusCode, text);
    }

    /// <summary>Sends a request built by the test (for malformed or unsigned posts) and returns the answer.</summary>
    public async Task<PostResult> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new PostResult(response.StatusCode, text);
    }

    /// <summary>The <c>X-Signature</c> value for <paramref name="body"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}

/// <summary>The bot's answer to a posted event.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body text; empty for 204.</param>
public sealed record PostResult(HttpStatusCode StatusCode, string Body)
{
    /// <summary>The quick operation in the body, or null when there is none.</summary>
    public JsonElement? Operation => Body.Length == 0 ? null : JsonDocument.Parse(Body).RootElement.Clone();
}
