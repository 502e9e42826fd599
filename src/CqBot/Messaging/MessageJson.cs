using System.Text.Json.Nodes;

namespace CqBot.Messaging;

/// <summary>Builds the array form of a message as a JSON node, for API parameters.</summary>
internal static class MessageJson
{
    public static JsonArray ToNode(Message message)
    {
        var array = new JsonArray();
        foreach (var segment in message)
        {
            var data = new JsonObject();
            foreach (var pair in segment.Data)
            {
                data[pair.Key] = pair.Value.Kind switch
                {
                    SegmentValueKind.Message => ToNode(pair.Value.NestedMessage!),
                    SegmentValueKind.Json => JsonNode.Parse(pair.Value.JsonText!),
                    _ => JsonValue.Create(pair.Value.ToString()),
                };
            }
            array.Add((JsonNode)new JsonObject { ["type"] = segment.Type, ["data"] = data });
        }
        return array;
    }
}
