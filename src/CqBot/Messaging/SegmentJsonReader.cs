using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CqBot.Messaging;

/// <summary>
/// Reads the array form of a message, and single segments, from any <see cref="ISegmentJsonSource"/>:
/// one reading of segments for <see cref="MessageJsonReader"/> and for the event scanner, so both give
/// the same message for the same JSON.
/// </summary>
/// <remarks>
/// Generic over the source rather than taking the interface, so each source gets its own compiled copy
/// with direct calls; the event path pays nothing for the sharing.
/// </remarks>
internal static class SegmentJsonReader
{
    private const string NotASegment = "A message segment must be a JSON object such as {\"type\":\"text\",\"data\":{\"text\":\"hi\"}}.";
    private const string MissingType = "A message segment has no \"type\"; every segment needs a string type.";
    private const string TypeNotString = "A message segment's \"type\" must be a string.";
    private const string DataNotObject = "A message segment's \"data\" must be an object or null.";
    private const string UnexpectedProperty = "A nested message segment may only have \"type\" and \"data\".";
    private const string Stopped = "The JSON ended inside a message.";

    /// <summary>Reads a segment array; the source is on the array.</summary>
    /// <param name="json">The source.</param>
    /// <param name="nested">Whether this is a forward node's content inside segment data, whose segments may only have <c>type</c> and <c>data</c>.</param>
    /// <param name="message">The message read.</param>
    /// <param name="error">Why the array is not a message, when it is not.</param>
    public static bool TryReadSegments<TSource>(ref TSource json, bool nested, [NotNullWhen(true)] out Message? message, out string? error)
        where TSource : ISegmentJsonSource, allows ref struct
    {
        var buffer = default(InlineBuffer16<Segment>);
        var segments = new ValueListBuilder<Segment>(buffer);
        try
        {
            var first = true;
            while (true)
            {
                switch (json.NextElement(ref first))
                {
                    case SegmentJsonStep.End:
                        message = Message.FromOwnedArray(segments.ToArray());
                        error = null;
                        return true;
                    case SegmentJsonStep.Stop:
                        return Fail(Stopped, out message, out error);
                }

                if (json.ValueKind != JsonTokenType.StartObject)
                {
                    return Fail(NotASegment, out message, out error);
                }

                if (!TryReadSegment(ref json, nested, out var segment, out error))
                {
                    message = null;
                    return false;
                }

                segments.Add(segment);
            }
        }
        finally
        {
            segments.Dispose();
        }
    }

    /// <summary>Reads one segment object; the source is on the object.</summary>
    /// <param name="json">The source.</param>
    /// <param name="nested">Whether properties other than <c>type</c> and <c>data</c> are refused rather than skipped.</param>
    /// <param name="segment">The segment read.</param>
    /// <param name="error">Why the object is not a segment, when it is not.</param>
    public static bool TryReadSegment<TSource>(ref TSource json, bool nested, [NotNullWhen(true)] out Segment? segment, out string? error)
        where TSource : ISegmentJsonSource, allows ref struct
    {
        string? type = null;
        var buffer = default(InlineBuffer4<KeyValuePair<string, SegmentValue>>);
        var entries = new ValueListBuilder<KeyValuePair<string, SegmentValue>>(buffer);
        try
        {
            var first = true;
            while (true)
            {
                var step = json.NextProperty(ref first);
                if (step == SegmentJsonStep.End)
                {
                    break;
                }

                if (step == SegmentJsonStep.Stop)
                {
                    return Fail(Stopped, out segment, out error);
                }

                if (json.PropertyNameIs("type"u8))
                {
                    json.MoveToValue();
                    if (json.ValueKind != JsonTokenType.String)
                    {
                        return Fail(TypeNotString, out segment, out error);
                    }

                    type = json.ReadName();
                    if (type is null)
                    {
                        return Fail(Stopped, out segment, out error);
                    }
                }
                else if (json.PropertyNameIs("data"u8))
                {
                    json.MoveToValue();
                    var kind = json.ValueKind;
                    if (kind == JsonTokenType.Null)
                    {
                        if (!json.TrySkipValue())
                        {
                            return Fail(Stopped, out segment, out error);
                        }

                        continue;
                    }

                    if (kind != JsonTokenType.StartObject)
                    {
                        return Fail(DataNotObject, out segment, out error);
                    }

                    // The pairs are read here rather than in a helper: a helper taking both the source and this
                    // stack-backed list by ref is rejected by the compiler's ref-safety rules.
                    var firstPair = true;
                    while (true)
                    {
                        step = json.NextProperty(ref firstPair);
                        if (step == SegmentJsonStep.End)
                        {
                            break;
                        }

                        if (step == SegmentJsonStep.Stop)
                        {
                            return Fail(Stopped, out segment, out error);
                        }

                        var key = json.ReadPropertyName();
                        json.MoveToValue();
                        if (!TryReadDataValue(ref json, out var value, out var present))
                        {
                            return Fail(Stopped, out segment, out error);
                        }

                        if (!present)
                        {
                            // JSON null: treated as absent, as nonebot skips None when writing CQ code.
                            continue;
                        }

                        // A repeated key keeps its first position and takes the last value.
                        var existing = Segment.IndexOfKey(entries.AsSpan(), key);
                        if (existing >= 0)
                        {
                            entries[existing] = new KeyValuePair<string, SegmentValue>(entries[existing].Key, value);
                        }
                        else
                        {
                            entries.Add(new KeyValuePair<string, SegmentValue>(key, value));
                        }
                    }
                }
                else if (nested)
                {
                    return Fail(UnexpectedProperty, out segment, out error);
                }
                else
                {
                    json.MoveToValue();
                    if (!json.TrySkipValue())
                    {
                        return Fail(Stopped, out segment, out error);
                    }
                }
            }

            if (type is null)
            {
                return Fail(MissingType, out segment, out error);
            }

            segment = Segment.Create(type, entries.AsSpan());
            error = null;
            return true;
        }
        finally
        {
            entries.Dispose();
        }
    }

    /// <summary>Reads the data value the source is on; <paramref name="present"/> is <see langword="false"/> for JSON null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadDataValue<TSource>(ref TSource json, out SegmentValue value, out bool present)
        where TSource : ISegmentJsonSource, allows ref struct
    {
        value = default;
        present = true;
        switch (json.ValueKind)
        {
            case JsonTokenType.String:
            case JsonTokenType.Number:
                if (json.ReadText() is not { } text)
                {
                    return false;
                }

                value = SegmentValue.FromString(text);
                return true;
            case JsonTokenType.True:
                value = SegmentValue.FromString("true");
                return json.TrySkipValue();
            case JsonTokenType.False:
                value = SegmentValue.FromString("false");
                return json.TrySkipValue();
            case JsonTokenType.Null:
                present = false;
                return json.TrySkipValue();
            case JsonTokenType.StartArray:
                return TryReadArrayValue(ref json, out value);
            default:
                return TryReadRawJson(ref json, out value);
        }
    }

    /// <summary>Reads an array in segment data: a forward node's content, a nested message; anything else as raw JSON.</summary>
    /// <remarks>
    /// Apart from <see cref="TryReadDataValue"/> because of the copy of the source it rewinds to: a copy holding
    /// spans is cleared on entry to the method that declares it, which every data value would pay for.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryReadArrayValue<TSource>(ref TSource json, out SegmentValue value)
        where TSource : ISegmentJsonSource, allows ref struct
    {
        var checkpoint = json;
        if (TryReadSegments(ref json, nested: true, out var nested, out _))
        {
            value = new SegmentValue(nested);
            return true;
        }

        json = checkpoint;
        return TryReadRawJson(ref json, out value);
    }

    private static bool TryReadRawJson<TSource>(ref TSource json, out SegmentValue value)
        where TSource : ISegmentJsonSource, allows ref struct
    {
        value = default;
        if (!json.TryReadRawJson(out var raw))
        {
            return false;
        }

        value = SegmentValue.FromValidJson(raw);
        return true;
    }

    private static bool Fail<T>(string message, out T? result, out string? error)
        where T : class
    {
        result = null;
        error = message;
        return false;
    }
}
