using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CqBot.Messaging;

namespace CqBot.Json;

/// <summary>
/// The scanner as a source for <see cref="SegmentJsonReader"/>, which reads an event's segment array
/// here exactly as <see cref="MessageJsonReader"/> reads one from <see cref="Utf8JsonReader"/>.
/// </summary>
/// <remarks>
/// It stops at an escaped property name and at raw JSON in a segment's data (an object, or an array that
/// is not a nested message); <see cref="ReadMessage"/> then reads the message with
/// <see cref="Utf8JsonReader"/>.
/// </remarks>
internal ref partial struct ScannedEventJson : ISegmentJsonSource
{
    // The small members are inlined into SegmentJsonReader's loops: every event's message is read through them.
    readonly JsonTokenType ISegmentJsonSource.ValueKind
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _failed || (uint)_pos >= (uint)_json.Length ? JsonTokenType.None : _json[_pos] switch
        {
            (byte)'"' => JsonTokenType.String,
            (byte)'{' => JsonTokenType.StartObject,
            (byte)'[' => JsonTokenType.StartArray,
            (byte)'t' => JsonTokenType.True,
            (byte)'f' => JsonTokenType.False,
            (byte)'n' => JsonTokenType.Null,

            // Anything else is a number or invalid, which reading it finds out.
            _ => JsonTokenType.Number,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    SegmentJsonStep ISegmentJsonSource.NextElement(ref bool first)
    {
        if (first)
        {
            first = false;
            if (!EnterContainer())
            {
                return SegmentJsonStep.Stop;
            }

            SkipWhiteSpace();
            if (_pos < _json.Length && _json[_pos] == (byte)']')
            {
                _pos++;
                _depth--;
                return SegmentJsonStep.End;
            }
        }
        else
        {
            SkipWhiteSpace();
            if (_pos >= _json.Length)
            {
                return SegmentJsonStep.Stop;
            }

            var next = _json[_pos++];
            if (next == (byte)']')
            {
                _depth--;
                return SegmentJsonStep.End;
            }

            if (next != (byte)',')
            {
                return SegmentJsonStep.Stop;
            }

            SkipWhiteSpace();
        }

        return _pos < _json.Length ? SegmentJsonStep.Next : SegmentJsonStep.Stop;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    SegmentJsonStep ISegmentJsonSource.NextProperty(ref bool first)
    {
        if (first && !EnterContainer())
        {
            return SegmentJsonStep.Stop;
        }

        switch (NextMember(ref first, out var name))
        {
            case MemberStep.Member:
                _propertyName = name;
                return SegmentJsonStep.Next;
            case MemberStep.End:
                _depth--;
                return SegmentJsonStep.End;
            default:
                return SegmentJsonStep.Stop;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    readonly bool ISegmentJsonSource.PropertyNameIs(ReadOnlySpan<byte> utf8Name) => _propertyName.SequenceEqual(utf8Name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    readonly string ISegmentJsonSource.ReadPropertyName() => WellKnownNames.Find(_propertyName) ?? JsonText.Decode(_propertyName);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    readonly void ISegmentJsonSource.MoveToValue()
    {
        // The scan moves past a property's name and colon onto its value in one step.
    }

    string? ISegmentJsonSource.ReadName()
    {
        if (!Scan() || _kind != JsonTokenType.String)
        {
            return null;
        }

        return !_escaped && WellKnownNames.Find(Content) is { } known ? known : ScannedString();
    }

    string? ISegmentJsonSource.ReadText()
    {
        if (!Scan())
        {
            return null;
        }

        return _kind switch
        {
            JsonTokenType.String => ScannedString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(Token),
            _ => null,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    bool ISegmentJsonSource.TrySkipValue() => Scan();

    readonly bool ISegmentJsonSource.TryReadRawJson([NotNullWhen(true)] out string? json)
    {
        // Raw JSON is rare in events, and Utf8JsonReader decides what of it is valid; it reads the message.
        json = null;
        return false;
    }
}
