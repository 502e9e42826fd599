using System.Text.Json.Serialization;

namespace CqBot.Json;

/// <summary>
/// Source-generated System.Text.Json metadata for what the event reader hands to System.Text.Json: the
/// message, read through <see cref="MessageJsonConverter"/>. Its options are the ones the converter
/// receives, so a converter that asks them for metadata gets generated code, never reflection.
/// </summary>
[JsonSourceGenerationOptions(Converters = [typeof(MessageJsonConverter)])]
[JsonSerializable(typeof(Message))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
