using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace CqBot.Messaging;

/// <summary>
/// <see cref="Utf8JsonReader"/> as a source for <see cref="SegmentJsonReader"/>. Reads every valid input;
/// escaped names and text are decoded by the reader.
/// </summary>
/// <remarks>
/// Holds the reader by value, so copying the source is how <see cref="SegmentJsonReader"/> rewinds it:
/// the way <see cref="Utf8JsonReader"/> supports rewinding.
/// </remarks>
internal ref struct ReaderSegmentJson(Utf8JsonReader reader) : ISegmentJsonSource
{
    public Utf8JsonReader Reader = reader;

    public readonly JsonTokenType ValueKind => Reader.TokenType;

    public SegmentJsonStep NextElement(ref bool first) => Next(ref first, JsonTokenType.EndArray);

    public SegmentJsonStep NextProperty(ref bool first) => Next(ref first, JsonTokenType.EndObject);

    public readonly bool PropertyNameIs(ReadOnlySpan<byte> utf8Name) => Reader.ValueTextEquals(utf8Name);

    public string ReadPropertyName() => ReadName(ref Reader);

    public void MoveToValue() => Reader.Read();

    public string? ReadName() => ReadName(ref Reader);

    public string? ReadText() => Reader.TokenType switch
    {
        JsonTokenType.String => JsonText.Read(ref Reader),

        // Numbers are never escaped in JSON.
        JsonTokenType.Number => Reader.HasValueSequence
            ? Encoding.UTF8.GetString(Reader.ValueSequence)
            : Encoding.UTF8.GetString(Reader.ValueSpan),
        _ => null,
    };

    // A converter is always handed a reader that holds the whole value, so skipping always works there.
    public bool TrySkipValue() => Reader.TrySkip();

    public bool TryReadRawJson([NotNullWhen(true)] out string? json)
    {
        using var document = JsonDocument.ParseValue(ref Reader);
        json = document.RootElement.GetRawText();
        return true;
    }

    private SegmentJsonStep Next(ref bool first, JsonTokenType end)
    {
        first = false;
        if (!Reader.Read())
        {
            return SegmentJsonStep.Stop;
        }

        return Reader.TokenType == end ? SegmentJsonStep.End : SegmentJsonStep.Next;
    }

    private static string ReadName(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && WellKnownNames.Find(reader.ValueSpan) is { } known)
        {
            return known;
        }

        return JsonText.Read(ref reader);
    }
}
