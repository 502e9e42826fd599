namespace CqBot.Json;

/// <summary>
/// A forward-only source of one event's JSON values. <see cref="EventJsonReader"/> maps property names to
/// <see cref="EventFields"/> once, against this interface, and runs over either implementation: the fast
/// scanner (<see cref="ScannedEventJson"/>) or <see cref="System.Text.Json.Utf8JsonReader"/>
/// (<see cref="ReaderEventJson"/>).
/// </summary>
/// <remarks>
/// After <see cref="NextProperty"/> returns <see langword="true"/>, the source is on that property's value
/// and exactly one of the other members must consume it. The value readers are lenient in the way
/// <see cref="LenientJson"/> describes.
/// </remarks>
internal interface IEventJsonSource
{
    /// <summary>Moves to the next property of the current object and onto its value; <see langword="false"/> after the last.</summary>
    bool NextProperty(out EventField field);

    /// <summary>Enters the value when it is an object (then <see cref="NextProperty"/> reads its properties); otherwise skips it.</summary>
    bool EnterObject();

    void SkipValue();

    /// <summary>
    /// Passes over an object value whose fields can be read later, on first use, recording where it is
    /// (a start and length in the input). <see langword="false"/>, with the value not consumed, when this
    /// source reads such objects at once.
    /// </summary>
    bool TryDeferObject(out int start, out int length);

    /// <summary>
    /// Passes over a non-empty string value without escapes, recording where its text is, so that it is
    /// decoded on first use. <see langword="false"/>, with the value not consumed, for any other value or
    /// when this source decodes strings at once.
    /// </summary>
    bool TryDeferString(out int start, out int length);

    long? ReadNullableInt64();

    /// <summary>
    /// Reads an id: a number, or a string holding one, as <see cref="ReadNullableInt64"/> does.
    /// <see langword="false"/> when the value is neither that nor <c>null</c>, with <paramref name="kind"/>
    /// saying what it is instead.
    /// </summary>
    bool TryReadId(out long? value, out System.Text.Json.JsonTokenType kind);

    bool? ReadNullableBoolean();

    /// <summary>Reads text; numbers and booleans become their JSON text.</summary>
    string? ReadString();

    /// <summary>Reads a protocol name, sharing the instance of well-known ones.</summary>
    string? ReadName();

    Sex ReadSex();

    GroupRole ReadRole();

    /// <summary>Reads the message in either wire form; <see langword="null"/> when it has another shape or cannot be read.</summary>
    Message? ReadMessage();
}
