using System.Buffers;
using System.Text;

namespace CqBot.Messaging;

/// <summary>
/// The segment types and data keys that occur in nearly every message, so parsers can return the one
/// string instance instead of allocating a new string per occurrence.
/// </summary>
internal static class WellKnownNames
{
    private static readonly Json.Utf8NameTable<string> s_names = Build(
    [
        // Segment types of OneBot v11 and the common extensions.
        SegmentTypes.Text,
        SegmentTypes.Face,
        SegmentTypes.Image,
        SegmentTypes.Record,
        SegmentTypes.Video,
        SegmentTypes.At,
        SegmentTypes.Rps,
        SegmentTypes.Dice,
        SegmentTypes.Shake,
        SegmentTypes.Poke,
        SegmentTypes.Anonymous,
        SegmentTypes.Share,
        SegmentTypes.Contact,
        SegmentTypes.Location,
        SegmentTypes.Music,
        SegmentTypes.Reply,
        SegmentTypes.Forward,
        SegmentTypes.Node,
        SegmentTypes.Xml,
        SegmentTypes.Json,
        "file",
        "mface",
        "markdown",
        "longmsg",

        // Data keys.
        "id",
        "qq",
        "type",
        "url",
        "name",
        "title",
        "content",
        "data",
        "cache",
        "proxy",
        "timeout",
        "magic",
        "ignore",
        "lat",
        "lon",
        "audio",
        "user_id",
        "nickname",
        "summary",
        "subType",
        "sub_type",
        "file_size",
        "path",
        "thumb",
        "seq",
        "time",
        "uin",
        "key",
        "emoji_id",
        "emoji_package_id",
        "result",
    ]);

    /// <summary>Returns the shared instance for <paramref name="name"/>, or a new string if it is not well known.</summary>
    public static string Get(ReadOnlySpan<char> name) => Find(name) ?? new string(name);

    /// <summary>Finds the shared instance for a UTF-8 name, or <see langword="null"/>.</summary>
    public static string? Find(ReadOnlySpan<byte> utf8Name) => s_names.TryGetValue(utf8Name, out var name) ? name : null;

    /// <summary>Finds the shared instance for <paramref name="name"/>, or <see langword="null"/>.</summary>
    public static string? Find(ReadOnlySpan<char> name) => s_names.TryGetValue(name, out var known) ? known : null;

    private static Json.Utf8NameTable<string> Build(ReadOnlySpan<string> names)
    {
        var entries = new (string, string)[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            entries[i] = (names[i], names[i]);
        }

        return new Json.Utf8NameTable<string>(entries);
    }
}
