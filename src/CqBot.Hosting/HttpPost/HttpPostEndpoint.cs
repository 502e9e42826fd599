using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using CqBot.Hosting.Authentication;
using CqBot.Hosting.Diagnostics;
using CqBot.Hosting.Pipeline;
using CqBot.Hosting.Protocol;
using CqBot.Hosting.QuickOperations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CqBot.Hosting.HttpPost;

/// <summary>
/// Takes events posted by implementations at <c>/</c>. Checks the access token (401 missing, 403
/// wrong) and the <c>X-Signature</c> (401 missing, 403 wrong), refuses bodies over the size limit
/// (413) and malformed JSON (400), then answers with the handler's quick operation if it finishes
/// within <see cref="BotOptions.QuickOperationWindow"/>, or 204 at once otherwise.
/// </summary>
internal sealed partial class HttpPostEndpoint(
    BotOptions options, BotAccounts accounts, EventIngress ingress, AccessTokenValidator tokens, SignatureValidator signatures,
    TimeProvider time, RefusalLog refusals, ILogger<HttpPostEndpoint> logger)
{
    private readonly ILogger _logger = logger;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var headerSelfId = long.TryParse(request.Headers["X-Self-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var header) ? header : 0;
        // An account with a token of its own must present that one; without X-Self-ID it is checked again below.
        switch (tokens.Check(request, headerSelfId))
        {
            case CredentialCheck.Missing:
                if (refusals.Refuse(Transports.HttpPost, RefusalReasons.Unauthorized))
                {
                    LogRefused(Remote(context), "no access token");
                }
                response.Headers.WWWAuthenticate = "Bearer";
                response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            case CredentialCheck.Wrong:
                if (refusals.Refuse(Transports.HttpPost, RefusalReasons.Forbidden))
                {
                    LogRefused(Remote(context), "a wrong access token");
                }
                response.StatusCode = StatusCodes.Status403Forbidden;
                return;
        }
        if (request.ContentLength > options.MaxBodySize)
        {
            if (refusals.Refuse(Transports.HttpPost, RefusalReasons.TooLarge))
            {
                LogTooLarge(Remote(context), request.ContentLength.Value, options.MaxBodySize);
            }
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        // The limit is enforced below, whatever Kestrel's own default is.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        var body = await ReadBodyAsync(request.BodyReader, options.MaxBodySize, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            if (refusals.Refuse(Transports.HttpPost, RefusalReasons.TooLarge))
            {
                LogTooLarge(Remote(context), -1, options.MaxBodySize);
            }
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        var length = body.WrittenCount;
        Event @event;
        try
        {
            switch (signatures.Check(request.Headers["X-Signature"].ToString(), body.WrittenSpan))
            {
                case CredentialCheck.Missing:
                    if (refusals.Refuse(Transports.HttpPost, RefusalReasons.Unauthorized))
                    {
                        LogRefused(Remote(context), "no X-Signature");
                    }
                    response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                case CredentialCheck.Wrong:
                    if (refusals.Refuse(Transports.HttpPost, RefusalReasons.Forbidden))
                    {
                        LogRefused(Remote(context), "a wrong X-Signature");
                    }
                    response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
            }
            @event = EventParser.Parse(body.WrittenSpan);
        }
        catch (EventParseException exception)
        {
            if (refusals.Refuse(Transports.HttpPost, RefusalReasons.ParseError))
            {
                LogMalformed(Remote(context), length, exception.Message);
            }
            // The implementation's operator sees why: which field, or where the JSON breaks.
            response.StatusCode = StatusCodes.Status400BadRequest;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(exception.Message, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        finally
        {
            body.Dispose();
        }

        if (@event.PostType.Length == 0)
        {
            // Valid JSON, but not an event: an implementation posts nothing else here.
            if (refusals.Refuse(Transports.HttpPost, RefusalReasons.NotAnEvent))
            {
                LogNotAnEvent(Remote(context), length);
            }
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var selfId = headerSelfId != 0 ? headerSelfId : @event.SelfId;
        if (selfId == 0)
        {
            if (refusals.Refuse(Transports.HttpPost, RefusalReasons.NoSelfId))
            {
                LogRefused(Remote(context), "no X-Self-ID header and no self_id");
            }
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (@event.SelfId != selfId)
        {
            // Never handled under another account than the one the request was let in for.
            if (refusals.Refuse(Transports.HttpPost, RefusalReasons.SelfIdMismatch))
            {
                LogRefused(Remote(context), $"its self_id {@event.SelfId} is not its X-Self-ID {selfId}");
            }
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (headerSelfId == 0 && tokens.HasAccountTokens && tokens.Check(request, selfId) != CredentialCheck.Valid)
        {
            if (refusals.Refuse(Transports.HttpPost, RefusalReasons.Forbidden))
            {
                LogRefused(Remote(context), $"not the access token of bot {selfId}");
            }
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (!accounts.IsServed(selfId))
        {
            if (refusals.Refuse(Transports.HttpPost, RefusalReasons.UnknownAccount))
            {
                LogRefused(Remote(context), $"bot {selfId} is not configured");
            }
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var slot = new HttpReplySlot();
        if (!ingress.Accept(accounts.GetOrAdd(selfId), @event, Transports.HttpPost, slot))
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        var (finished, operation) = await slot.WaitAsync(options.QuickOperationWindow, time, context.RequestAborted).ConfigureAwait(false);
        if (!finished || operation is null || operation.IsEmpty)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        using var json = new PooledBufferWriter(256);
        QuickOperationJson.WriteResponseBody(json, operation, @event);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.WrittenCount;
        await response.Body.WriteAsync(json.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads the whole body into pooled memory, or returns null once it passes <paramref name="limit"/>.</summary>
    private static async Task<PooledBufferWriter?> ReadBodyAsync(PipeReader reader, long limit, CancellationToken cancellationToken)
    {
        var body = new PooledBufferWriter(4096, (int)Math.Min(limit, Array.MaxLength));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (body.WrittenCount + buffer.Length > limit)
                {
                    reader.AdvanceTo(buffer.End);
                    body.Dispose();
                    return null;
                }
                foreach (var segment in buffer)
                {
                    segment.Span.CopyTo(body.GetSpan(segment.Length));
                    body.Advance(segment.Length);
                }
                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    return body;
                }
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    private static string Remote(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Refused an HTTP POST from {Remote}: {Reason}.")]
    private partial void LogRefused(string remote, string reason);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Refused an HTTP POST from {Remote}: its body ({Length} bytes; -1 = unannounced) is over the {Limit}-byte limit.")]
    private partial void LogTooLarge(string remote, long length, long limit);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Refused an HTTP POST from {Remote}: its {Length}-byte body is not an OneBot event. {Error}")]
    private partial void LogMalformed(string remote, int length, string error);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Refused an HTTP POST from {Remote}: its {Length}-byte body is a JSON object without a post_type, so not an OneBot event.")]
    private partial void LogNotAnEvent(string remote, int length);
}
