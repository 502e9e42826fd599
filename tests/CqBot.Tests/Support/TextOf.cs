using System.Text;
using System.Text.Json;

namespace CqBot.Tests.Support;

internal static class TextOf
{
    /// <summary>The text of a <c>message</c> parameter in array form.</summary>
    public static string Message(JsonElement message)
    {
        if (message.ValueKind == JsonValueKind.String)
        {
            return message.GetString()!;
        }
        var text = new StringBuilder();
        foreach (var segment in message.EnumerateArray())
        {
            if (segment.GetProperty("type").GetString() == "text")
            {
                text.Append(segment.GetProperty("data").GetProperty("text").GetString());
            }
        }
        return text.ToString();
    }
}
