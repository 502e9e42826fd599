using System.Text.Json;
using CqBot.Hosting.Authentication;
using CqBot.Hosting.Protocol;
using Microsoft.AspNetCore.Http;

namespace CqBot.Hosting.Health;

/// <summary>
/// <c>GET /healthz</c>: 200 with <c>{"status":"ok"}</c> for anyone, so that liveness probes need no
/// secret; with the access token (or when none is set), also the accounts, their connections and last
/// heartbeat, which tell who the bot serves.
/// </summary>
internal sealed class HealthEndpoint(BotAccounts accounts, AccessTokenValidator tokens)
{
    public async Task HandleAsync(HttpContext context)
    {
        using var body = new PooledBufferWriter(1024);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("status"u8, "ok");
            if (tokens.Check(context.Request) == CredentialCheck.Valid)
            {
                WriteAccounts(writer);
            }
            writer.WriteEndObject();
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.WrittenCount;
        await context.Response.Body.WriteAsync(body.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    private void WriteAccounts(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("accounts"u8);
        foreach (var account in accounts.GetStatus())
        {
            writer.WriteStartObject();
            writer.WriteNumber("self_id"u8, account.SelfId);
            writer.WriteBoolean("online"u8, account.Online);
            writer.WriteStartArray("connections"u8);
            foreach (var connection in account.Connections)
            {
                writer.WriteStringValue(connection);
            }
            writer.WriteEndArray();
            writer.WriteBoolean("http_api"u8, account.HasHttpApi);
            WriteTime(writer, "last_heartbeat"u8, account.LastHeartbeat);
            if (account.HeartbeatInterval is { } interval)
            {
                writer.WriteNumber("heartbeat_interval_ms"u8, (long)interval.TotalMilliseconds);
            }
            else
            {
                writer.WriteNull("heartbeat_interval_ms"u8);
            }
            WriteTime(writer, "last_event"u8, account.LastEvent);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, time);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
