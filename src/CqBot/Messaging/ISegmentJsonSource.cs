using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace CqBot.Messaging;

/// <summary>
/// A forward-only source of a segment array's JSON for <see cref="SegmentJsonReader"/>: either
/// <see cref="Utf8JsonReader"/> (<see cref="ReaderSegmentJson"/>) or the event scanner, which reads the
/// message of every event without a tokenizer in between.
/// </summary>
/// <remarks>
/// A source may stop (<see cref="SegmentJsonStep.Stop"/>, or <see langword="false"/> or
/// <see langword="null"/> from a read) where it cannot go on: <see cref="Utf8JsonReader"/> when the JSON
/// ends inside the message, the scanner at invalid JSON or at a shape it leaves to
/// <see cref="Utf8JsonReader"/>, which its caller then reads the message with.
/// </remarks>
internal interface ISegmentJsonSource
{
    /// <summary>The kind of the value the source is on; <see cref="JsonTokenType.None"/> once it has stopped.</summary>
    JsonTokenType ValueKind { get; }

    /// <summary>
    /// Moves onto the next element of an array: the first one when <paramref name="first"/> (the source
    /// is then on the array, and the flag is cleared), otherwise the one after the element just read.
    /// </summary>
    SegmentJsonStep NextElement(ref bool first);

    /// <summary>
    /// Moves onto the next property name of an object: the first one when <paramref name="first"/> (the
    /// source is then on the object, and the flag is cleared), otherwise the one after the value just read.
    /// </summary>
    SegmentJsonStep NextProperty(ref bool first);

    /// <summary>Whether the property name the source is on is <paramref name="utf8Name"/>.</summary>
    bool PropertyNameIs(ReadOnlySpan<byte> utf8Name);

    /// <summary>Reads the property name the source is on, sharing the instance of well-known names.</summary>
    string ReadPropertyName();

    /// <summary>Moves from the property name onto its value.</summary>
    void MoveToValue();

    /// <summary>Reads the string value the source is on, sharing the instance of well-known names.</summary>
    string? ReadName();

    /// <summary>Reads a string value's text, or a number's text as written (<c>1.50</c> stays <c>1.50</c>).</summary>
    string? ReadText();

    /// <summary>Passes over the value the source is on.</summary>
    bool TrySkipValue();

    /// <summary>Reads the value the source is on as its JSON text.</summary>
    bool TryReadRawJson([NotNullWhen(true)] out string? json);
}

/// <summary>Where <see cref="ISegmentJsonSource.NextElement"/> or <see cref="ISegmentJsonSource.NextProperty"/> went.</summary>
internal enum SegmentJsonStep
{
    /// <summary>Onto the next element, or the next property's name.</summary>
    Next,

    /// <summary>Past the closing bracket or brace.</summary>
    End,

    /// <summary>Nowhere: the source cannot go on.</summary>
    Stop,
}
