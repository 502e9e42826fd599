using System.Text;
using CqBot.Json;

namespace CqBot.Tests.Events;

/// <summary>The two sources the event reader runs over; tests of what the reader takes run on both.</summary>
public enum EventSource
{
    /// <summary>The fast scanner, <see cref="ScannedEventJson"/>; the test fails if it hands the event on.</summary>
    Scanner,

    /// <summary>The complete reader over <see cref="System.Text.Json.Utf8JsonReader"/>, <see cref="ReaderEventJson"/>.</summary>
    Reader,
}

internal static class EventSources
{
    /// <summary>Reads the event with <paramref name="source"/> alone and builds it.</summary>
    public static Event Read(string text, EventSource source)
    {
        var json = Encoding.UTF8.GetBytes(text);
        var fields = default(EventFields);
        int start, end;
        if (source == EventSource.Scanner)
        {
            Assert.True(ScannedEventJson.TryRead(json, ref fields, out start, out end), "The scanner handed the event to the complete reader.");
        }
        else
        {
            EventJsonReader.ReadWithReader(json, ref fields, out start, out end);
        }

        return EventFactory.Create(ref fields, json[start..end], start);
    }
}
