using System.Text.Json;
using CqBot.Messaging;

namespace CqBot;

/// <summary>
/// One value in a segment's data: a string (almost always), a nested message (a forward node's
/// <c>content</c> in array form) or raw JSON that an implementation sent and that is kept unchanged.
/// </summary>
/// <remarks>
/// A string converts to a <see cref="SegmentValue"/> implicitly, so data can be written as
/// <c>("file", "a.jpg")</c>. <see cref="ToString"/> gives the value as a string whatever its kind.
/// Two values are equal when they have the same kind and the same content (JSON is compared as text).
/// </remarks>
public readonly struct SegmentValue : IEquatable<SegmentValue>
{
    // One reference keeps the struct pointer-sized: a string, a Message or a RawJson; null means "".
    private readonly object? _value;

    private SegmentValue(object value) => _value = value;

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The value, unescaped (escaping exists only in CQ-code text).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public SegmentValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Creates a nested-message value, such as the content of a custom forward node.</summary>
    /// <param name="message">The nested message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public SegmentValue(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _value = message;
    }

    /// <summary>What this value holds.</summary>
    public SegmentValueKind Kind => _value switch
    {
        Message => SegmentValueKind.Message,
        RawJson => SegmentValueKind.Json,
        _ => SegmentValueKind.String,
    };

    /// <summary>
    /// Creates a value that is written into the array form as the given JSON, unchanged; use it for
    /// an implementation's extension that expects an object where OneBot expects a string.
    /// </summary>
    /// <param name="json">One complete JSON value.</param>
    /// <returns>A value of kind <see cref="SegmentValueKind.Json"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not one valid JSON value.</exception>
    public static SegmentValue FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The segment value is not valid JSON: {exception.Message}", nameof(json), exception);
        }

        return new SegmentValue(new RawJson(json));
    }

    /// <summary>Wraps JSON text that has already been validated (it was read by a JSON reader).</summary>
    internal static SegmentValue FromValidJson(string json) => new(new RawJson(json));

    /// <summary>Wraps a string known not to be null without checking it again.</summary>
    internal static SegmentValue FromString(string value) => new(value);

    /// <summary>The nested message, when <see cref="Kind"/> is <see cref="SegmentValueKind.Message"/>; otherwise <see langword="null"/>.</summary>
    public Message? NestedMessage => _value as Message;

    /// <summary>The JSON text, when <see cref="Kind"/> is <see cref="SegmentValueKind.Json"/>; otherwise <see langword="null"/>.</summary>
    public string? JsonText => (_value as RawJson)?.Text;

    /// <summary>
    /// Reads this value as a message: a nested message as it is, a string as a CQ-code message
    /// (as OneBot reads a string message), and JSON holding a segment or a segment array as that message.
    /// </summary>
    /// <returns>The message, or <see langword="null"/> when the value is JSON that is not a message.</returns>
    public Message? ToMessage() => _value switch
    {
        Message message => message,
        RawJson json => MessageJsonReader.TryParse(json.Text),
        string text => Message.FromCqCode(text),
        _ => Message.Empty,
    };

    /// <summary>
    /// The value as a string: the string itself, a nested message as its CQ code, or the JSON text.
    /// </summary>
    /// <returns>The string form of the value.</returns>
    public override string ToString() => _value switch
    {
        string text => text,
        Message message => message.ToCqCode(),
        RawJson json => json.Text,
        _ => string.Empty,
    };

    /// <summary>The value when it is a string (or the default value), otherwise <see langword="null"/>; no conversion.</summary>
    internal string? StringOrNull => _value is null ? string.Empty : _value as string;

    /// <summary>Converts a string to a string value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator SegmentValue(string value) => new(value);

    /// <summary>Converts a message to a nested-message value.</summary>
    /// <param name="message">The nested message.</param>
    public static implicit operator SegmentValue(Message message) => new(message);

    /// <inheritdoc/>
    public bool Equals(SegmentValue other) => _value switch
    {
        Message message => other._value is Message otherMessage && message.Equals(otherMessage),
        RawJson json => other._value is RawJson otherJson && string.Equals(json.Text, otherJson.Text, StringComparison.Ordinal),
        _ => other.StringOrNull is { } otherText && string.Equals(StringOrNull, otherText, StringComparison.Ordinal),
    };

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SegmentValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value switch
    {
        Message message => message.GetHashCode(),
        RawJson json => HashCode.Combine(1, StringComparer.Ordinal.GetHashCode(json.Text)),
        string text => StringComparer.Ordinal.GetHashCode(text),
        _ => StringComparer.Ordinal.GetHashCode(string.Empty),
    };

    /// <summary>Compares two values by kind and content.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(SegmentValue left, SegmentValue right) => left.Equals(right);

    /// <summary>Compares two values by kind and content.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SegmentValue left, SegmentValue right) => !left.Equals(right);

    // A separate type so a JSON value can never be mistaken for a string of the same text.
    private sealed class RawJson(string text)
    {
        public string Text { get; } = text;
    }
}
