using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CqBot.Hosting.Protocol;

namespace CqBot.Hosting.HttpApi;

/// <summary>
/// Calls an implementation's HTTP API: <c>POST {api_root}/{action}</c> with a JSON body and the
/// access token as <c>Authorization: Bearer</c>. A non-2xx status is an <see cref="HttpFailedException"/>,
/// a failed connection or a timeout a <see cref="NetworkException"/>.
/// </summary>
internal sealed class HttpApiClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly Uri _apiRoot;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly TimeSpan _timeout;

    public HttpApiClient(HttpClient http, Uri apiRoot, string? accessToken, TimeSpan timeout)
    {
        _http = http;
        // Relative action names resolve below the root only when it ends with a slash.
        _apiRoot = apiRoot.AbsoluteUri.EndsWith('/') ? apiRoot : new Uri(apiRoot.AbsoluteUri + "/");
        _authorization = string.IsNullOrEmpty(accessToken) ? null : new AuthenticationHeaderValue("Bearer", accessToken);
        _timeout = timeout;
    }

    public Uri ApiRoot => _apiRoot;

    public async ValueTask<ApiResponse> CallAsync(ApiRequest apiRequest, CancellationToken cancellationToken)
    {
        var action = apiRequest.WireAction;
        using var body = new PooledBufferWriter(512);
        ApiRequestWriter.WriteBody(body, apiRequest);
        using var content = new ReadOnlyMemoryContent(body.WrittenMemory);
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_apiRoot, action)) { Content = content };
        request.Headers.Authorization = _authorization;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpFailedException((int)response.StatusCode,
                    $"The HTTP API at {_apiRoot} answered '{action}' with status {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                return ApiResponseReader.Read(bytes, out _);
            }
            catch (JsonException exception)
            {
                throw new NetworkException($"The HTTP API at {_apiRoot} answered '{action}' with a body that is not an OneBot response.", exception);
            }
        }
        catch (HttpRequestException exception)
        {
            throw new NetworkException($"The HTTP API at {_apiRoot} could not be reached for '{action}': {exception.Message}", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NetworkException($"The HTTP API at {_apiRoot} did not answer '{action}' within {_timeout.TotalSeconds:0.###} s.", exception);
        }
    }
}
