using System.ComponentModel;
using System.Text.Json;
using CqBot.Messaging;

namespace CqBot.Infrastructure;

/// <summary>Writes parameter values that need more than a <see cref="Utf8JsonWriter"/> call; called by generated requests.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiParameterWriter
{
    /// <summary>Writes a message as a segment array, straight from its segments.</summary>
    public static void WriteMessage(Utf8JsonWriter writer, Message message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        MessageJsonWriter.Write(writer, message);
    }
}
