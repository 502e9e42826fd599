using System.Text.Json;
using System.Text.Json.Nodes;

namespace CqBot;

/// <summary>An action called by name with its parameters as a <see cref="JsonObject"/>; its result is the raw <c>data</c>.</summary>
public sealed class JsonObjectRequest : ApiRequest<JsonElement?>
{
    /// <summary>Creates the request.</summary>
    public JsonObjectRequest(string action, JsonObject? parameters = null)
        : base(action)
    {
        Parameters = parameters;
    }

    /// <summary>The parameters, or null for none.</summary>
    public JsonObject? Parameters { get; }

    /// <inheritdoc />
    public override bool SendsMessage => Action switch
    {
        "send_msg" or "send_private_msg" or "send_group_msg" or "send_forward_msg" or "send_group_forward_msg" or "send_private_forward_msg" => true,
        ".handle_quick_operation" => Parameters?["operation"]?["reply"] is not null,
        _ => Action.StartsWith("send_", StringComparison.Ordinal) && Action.EndsWith("_msg", StringComparison.Ordinal),
    };

    /// <inheritdoc />
    public override long? TargetGroupId
    {
        get
        {
            if (Parameters is null || Action is "send_private_msg" or "send_private_forward_msg")
            {
                return null;
            }
            var source = Action == ".handle_quick_operation" ? Parameters["context"] as JsonObject : Parameters;
            if (source is null || (source["message_type"] is JsonValue type && type.TryGetValue(out string? kind) && kind == "private"))
            {
                return null;
            }
            return source["group_id"] is JsonValue value && value.TryGetValue(out long groupId) ? groupId : null;
        }
    }

    /// <inheritdoc />
    public override void WriteParameters(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Parameters is null)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
        {
            Parameters.WriteTo(writer);
        }
    }

    /// <inheritdoc />
    public override JsonElement? ReadResult(JsonElement? data) => data;
}
