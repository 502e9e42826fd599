using System.Buffers;
using System.Text;

namespace CqBot.Messaging;

/// <summary>
/// The segment types and data keys that occur in nearly every message, so parsers can return the one
/// string instance instead of allocating a new string per occurrence.
/// </summary>
internal static class WellKnownNames
{
    private const int LongestName = 16;

    /// <summary>Returns the shared instance for <paramref name="name"/>, or a new string if it is not well known.</summary>
    public static string Get(ReadOnlySpan<char> name) => Find(name) ?? new string(name);

    /// <summary>Finds the shared instance for a UTF-8 name, or <see langword="null"/>.</summary>
    public static string? Find(ReadOnlySpan<byte> utf8Name)
    {
        if (utf8Name.Length > LongestName)
        {
            return null;
        }

        Span<char> chars = stackalloc char[LongestName];
        return Ascii.ToUtf16(utf8Name, chars, out var written) == OperationStatus.Done ? Find(chars[..written]) : null;
    }

    /// <summary>Finds the shared instance for <paramref name="name"/>, or <see langword="null"/>.</summary>
    public static string? Find(ReadOnlySpan<char> name) => name switch
    {
        // Segment types of OneBot v11 and the common extensions.
        SegmentTypes.Text => SegmentTypes.Text,
        SegmentTypes.Face => SegmentTypes.Face,
        SegmentTypes.Image => SegmentTypes.Image,
        SegmentTypes.Record => SegmentTypes.Record,
        SegmentTypes.Video => SegmentTypes.Video,
        SegmentTypes.At => SegmentTypes.At,
        SegmentTypes.Rps => SegmentTypes.Rps,
        SegmentTypes.Dice => SegmentTypes.Dice,
        SegmentTypes.Shake => SegmentTypes.Shake,
        SegmentTypes.Poke => SegmentTypes.Poke,
        SegmentTypes.Anonymous => SegmentTypes.Anonymous,
        SegmentTypes.Share => SegmentTypes.Share,
        SegmentTypes.Contact => SegmentTypes.Contact,
        SegmentTypes.Location => SegmentTypes.Location,
        SegmentTypes.Music => SegmentTypes.Music,
        SegmentTypes.Reply => SegmentTypes.Reply,
        SegmentTypes.Forward => SegmentTypes.Forward,
        SegmentTypes.Node => SegmentTypes.Node,
        SegmentTypes.Xml => SegmentTypes.Xml,
        SegmentTypes.Json => SegmentTypes.Json,
        "file" => "file",
        "mface" => "mface",
        "markdown" => "markdown",
        "longmsg" => "longmsg",

        // Data keys.
        "id" => "id",
        "qq" => "qq",
        "type" => "type",
        "url" => "url",
        "name" => "name",
        "title" => "title",
        "content" => "content",
        "data" => "data",
        "cache" => "cache",
        "proxy" => "proxy",
        "timeout" => "timeout",
        "magic" => "magic",
        "ignore" => "ignore",
        "lat" => "lat",
        "lon" => "lon",
        "audio" => "audio",
        "user_id" => "user_id",
        "nickname" => "nickname",
        "summary" => "summary",
        "subType" => "subType",
        "sub_type" => "sub_type",
        "file_size" => "file_size",
        "path" => "path",
        "thumb" => "thumb",
        "seq" => "seq",
        "time" => "time",
        "uin" => "uin",
        "key" => "key",
        "emoji_id" => "emoji_id",
        "emoji_package_id" => "emoji_package_id",
        "result" => "result",
        _ => null,
    };
}
