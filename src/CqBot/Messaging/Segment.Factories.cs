using System.Globalization;

namespace CqBot;

// The OneBot v11 segment types (shared/onebot11/segments.json). Data values are strings on the wire:
// ids are written in invariant culture and 0/1 flags as "1"/"0"; optional data left null is not written.
public sealed partial class Segment
{
    private static readonly Segment RpsSegment = new(SegmentTypes.Rps, NoEntries, null);
    private static readonly Segment DiceSegment = new(SegmentTypes.Dice, NoEntries, null);
    private static readonly Segment ShakeSegment = new(SegmentTypes.Shake, NoEntries, null);
    private static readonly Segment AtAllSegment = Create(SegmentTypes.At, [Pair("qq", "all")]);

    /// <summary>Plain text. In CQ code it is written as the (escaped) text itself.</summary>
    /// <param name="text">The text, unescaped.</param>
    /// <returns>A <c>text</c> segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static Segment Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CreateText(text);
    }

    /// <summary>A QQ built-in face.</summary>
    /// <param name="id">The face id (see the face table of the CQHTTP wiki).</param>
    /// <returns>A <c>face</c> segment: <c>[CQ:face,id=…]</c>.</returns>
    public static Segment Face(int id) => Create(SegmentTypes.Face, [Pair("id", Format(id))]);

    /// <summary>An image.</summary>
    /// <param name="file">
    /// A received image's file name, an absolute <c>file:///</c> URI, an <c>http(s)</c> URL, or <c>base64://</c> followed by the data.
    /// </param>
    /// <param name="flash">Send as a flash image (<c>type=flash</c>).</param>
    /// <param name="cache">For URLs: reuse a cached download (the implementation's default is yes); <see langword="null"/> leaves it out.</param>
    /// <param name="proxy">For URLs: download through the configured proxy (default yes); <see langword="null"/> leaves it out.</param>
    /// <param name="timeoutSeconds">For URLs: the download timeout in seconds; <see langword="null"/> means none.</param>
    /// <returns>An <c>image</c> segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> is <see langword="null"/>.</exception>
    public static Segment Image(string file, bool flash = false, bool? cache = null, bool? proxy = null, int? timeoutSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        Span<KeyValuePair<string, SegmentValue>> data = [Pair("file", file), default, default, default, default];
        var count = 1;
        if (flash)
        {
            data[count++] = Pair("type", "flash");
        }

        count = AddDownloadOptions(data, count, cache, proxy, timeoutSeconds);
        return Create(SegmentTypes.Image, data[..count]);
    }

    /// <summary>A voice message.</summary>
    /// <param name="file">As for <see cref="Image(string, bool, bool?, bool?, int?)"/>: a file name, <c>file:///</c> URI, URL or <c>base64://</c> data.</param>
    /// <param name="magic">Apply the voice changer (<c>magic=1</c>).</param>
    /// <param name="cache">For URLs: reuse a cached download (default yes); <see langword="null"/> leaves it out.</param>
    /// <param name="proxy">For URLs: download through the configured proxy (default yes); <see langword="null"/> leaves it out.</param>
    /// <param name="timeoutSeconds">For URLs: the download timeout in seconds; <see langword="null"/> means none.</param>
    /// <returns>A <c>record</c> segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> is <see langword="null"/>.</exception>
    public static Segment Record(string file, bool magic = false, bool? cache = null, bool? proxy = null, int? timeoutSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        Span<KeyValuePair<string, SegmentValue>> data = [Pair("file", file), default, default, default, default];
        var count = 1;
        if (magic)
        {
            data[count++] = Pair("magic", "1");
        }

        count = AddDownloadOptions(data, count, cache, proxy, timeoutSeconds);
        return Create(SegmentTypes.Record, data[..count]);
    }

    /// <summary>A short video.</summary>
    /// <param name="file">As for <see cref="Image(string, bool, bool?, bool?, int?)"/>: a file name, <c>file:///</c> URI, URL or <c>base64://</c> data.</param>
    /// <param name="cache">For URLs: reuse a cached download (default yes); <see langword="null"/> leaves it out.</param>
    /// <param name="proxy">For URLs: download through the configured proxy (default yes); <see langword="null"/> leaves it out.</param>
    /// <param name="timeoutSeconds">For URLs: the download timeout in seconds; <see langword="null"/> means none.</param>
    /// <returns>A <c>video</c> segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> is <see langword="null"/>.</exception>
    public static Segment Video(string file, bool? cache = null, bool? proxy = null, int? timeoutSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        Span<KeyValuePair<string, SegmentValue>> data = [Pair("file", file), default, default, default];
        var count = 1;
        count = AddDownloadOptions(data, count, cache, proxy, timeoutSeconds);
        return Create(SegmentTypes.Video, data[..count]);
    }

    /// <summary>An @mention of one member.</summary>
    /// <param name="userId">The QQ number to mention.</param>
    /// <returns>An <c>at</c> segment: <c>[CQ:at,qq=…]</c>.</returns>
    public static Segment At(long userId) => Create(SegmentTypes.At, [Pair("qq", Format(userId))]);

    /// <summary>An @mention of everyone in the group (the bot needs the right to do so).</summary>
    /// <returns>An <c>at</c> segment: <c>[CQ:at,qq=all]</c>.</returns>
    public static Segment AtAll() => AtAllSegment;

    /// <summary>The rock-paper-scissors magic face.</summary>
    /// <returns>An <c>rps</c> segment: <c>[CQ:rps]</c>.</returns>
    public static Segment Rps() => RpsSegment;

    /// <summary>The dice magic face.</summary>
    /// <returns>A <c>dice</c> segment: <c>[CQ:dice]</c>.</returns>
    public static Segment Dice() => DiceSegment;

    /// <summary>A window shake (the most basic poke); send only.</summary>
    /// <returns>A <c>shake</c> segment: <c>[CQ:shake]</c>.</returns>
    public static Segment Shake() => ShakeSegment;

    /// <summary>
    /// A poke as the OneBot specification defines it (mirai's PokeMessage type and id). go-cqhttp instead
    /// expects <c>[CQ:poke,qq=…]</c>; create that with <c>new Segment("poke", ("qq", "…"))</c>.
    /// </summary>
    /// <param name="type">The poke type, for example 126.</param>
    /// <param name="id">The poke id, for example 2003.</param>
    /// <returns>A <c>poke</c> segment: <c>[CQ:poke,type=…,id=…]</c>.</returns>
    public static Segment Poke(int type, int id) => Create(SegmentTypes.Poke, [Pair("type", Format(type)), Pair("id", Format(id))]);

    /// <summary>Sends the group message anonymously; send only.</summary>
    /// <param name="ignore">Send normally when anonymity is unavailable instead of failing (<c>ignore=1</c>).</param>
    /// <returns>An <c>anonymous</c> segment.</returns>
    public static Segment Anonymous(bool ignore = false) =>
        ignore ? Create(SegmentTypes.Anonymous, [Pair("ignore", "1")]) : new Segment(SegmentTypes.Anonymous, NoEntries, null);

    /// <summary>A link share.</summary>
    /// <param name="url">The link.</param>
    /// <param name="title">The title.</param>
    /// <param name="content">An optional description.</param>
    /// <param name="image">An optional image URL.</param>
    /// <returns>A <c>share</c> segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> or <paramref name="title"/> is <see langword="null"/>.</exception>
    public static Segment Share(string url, string title, string? content = null, string? image = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(title);
        Span<KeyValuePair<string, SegmentValue>> data = [Pair("url", url), Pair("title", title), default, default];
        var count = 2;
        count = AddOptional(data, count, "content", content);
        count = AddOptional(data, count, "image", image);
        return Create(SegmentTypes.Share, data[..count]);
    }

    /// <summary>A recommended friend or group.</summary>
    /// <param name="type">Whether <paramref name="id"/> is a user or a group.</param>
    /// <param name="id">The QQ number or the group number.</param>
    /// <returns>A <c>contact</c> segment: <c>[CQ:contact,type=qq|group,id=…]</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
    public static Segment Contact(ContactType type, long id)
    {
        var typeName = type switch
        {
            ContactType.User => "qq",
            ContactType.Group => "group",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Use ContactType.User or ContactType.Group."),
        };
        return Create(SegmentTypes.Contact, [Pair("type", typeName), Pair("id", Format(id))]);
    }

    /// <summary>A location.</summary>
    /// <param name="latitude">The latitude in degrees.</param>
    /// <param name="longitude">The longitude in degrees.</param>
    /// <param name="title">An optional title.</param>
    /// <param name="content">An optional description.</param>
    /// <returns>A <c>location</c> segment: <c>[CQ:location,lat=…,lon=…]</c>.</returns>
    public static Segment Location(double latitude, double longitude, string? title = null, string? content = null)
    {
        Span<KeyValuePair<string, SegmentValue>> data =
        [
            Pair("lat", latitude.ToString(CultureInfo.InvariantCulture)),
            Pair("lon", longitude.ToString(CultureInfo.InvariantCulture)),
            default,
            default,
        ];
        var count = 2;
        count = AddOptional(data, count, "title", title);
        count = AddOptional(data, count, "content", content);
        return Create(SegmentTypes.Location, data[..count]);
    }

    /// <summary>A music share from one of the platforms OneBot v11 names; send only.</summary>
    /// <param name="platform">The platform.</param>
    /// <param name="songId">The song id on that platform.</param>
    /// <returns>A <c>music</c> segment: <c>[CQ:music,type=qq|163|xm,id=…]</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="platform"/> is not a defined value.</exception>
    public static Segment Music(MusicPlatform platform, long songId)
    {
        var typeName = platform switch
        {
            MusicPlatform.QQMusic => "qq",
            MusicPlatform.NetEase => "163",
            MusicPlatform.Xiami => "xm",
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Use a MusicPlatform value, or the Music(string, string) overload for another platform."),
        };
        return Create(SegmentTypes.Music, [Pair("type", typeName), Pair("id", Format(songId))]);
    }

    /// <summary>
    /// A music share from a platform named as the implementation expects it (NapCat, for example, adds
    /// <c>kugou</c>, <c>migu</c> and <c>kuwo</c>); send only.
    /// </summary>
    /// <param name="platform">The <c>type</c> value, for example <c>163</c>.</param>
    /// <param name="songId">The song id on that platform.</param>
    /// <returns>A <c>music</c> segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="platform"/> or <paramref name="songId"/> is <see langword="null"/>.</exception>
    public static Segment Music(string platform, string songId)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(songId);
        return Create(SegmentTypes.Music, [Pair("type", platform), Pair("id", songId)]);
    }

    /// <summary>A custom music share that plays <paramref name="audio"/>; send only.</summary>
    /// <param name="url">The page opened when the share is clicked.</param>
    /// <param name="audio">The audio URL.</param>
    /// <param name="title">The title.</param>
    /// <param name="content">An optional description.</param>
    /// <param name="image">An optional cover image URL.</param>
    /// <returns>A <c>music</c> segment with <c>type=custom</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/>, <paramref name="audio"/> or <paramref name="title"/> is <see langword="null"/>.</exception>
    public static Segment CustomMusic(string url, string audio, string title, string? content = null, string? image = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(title);
        Span<KeyValuePair<string, SegmentValue>> data =
            [Pair("type", "custom"), Pair("url", url), Pair("audio", audio), Pair("title", title), default, default];
        var count = 4;
        count = AddOptional(data, count, "content", content);
        count = AddOptional(data, count, "image", image);
        return Create(SegmentTypes.Music, data[..count]);
    }

    /// <summary>A reply to (quote of) an earlier message; put it first in the message.</summary>
    /// <param name="messageId">The <c>message_id</c> being replied to (it may be negative).</param>
    /// <returns>A <c>reply</c> segment: <c>[CQ:reply,id=…]</c>.</returns>
    public static Segment Reply(long messageId) => Create(SegmentTypes.Reply, [Pair("id", Format(messageId))]);

    /// <summary>
    /// A merged forward as received; read its nodes with the <c>get_forward_msg</c> action.
    /// </summary>
    /// <param name="id">The forward id, kept as a string (it can be a long resource id).</param>
    /// <returns>A <c>forward</c> segment: <c>[CQ:forward,id=…]</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public static Segment Forward(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Create(SegmentTypes.Forward, [Pair("id", id)]);
    }

    /// <summary>A forward node that forwards an existing message, for the forward-message actions.</summary>
    /// <param name="messageId">The <c>message_id</c> of the message to forward.</param>
    /// <returns>A <c>node</c> segment: <c>[CQ:node,id=…]</c>.</returns>
    public static Segment Node(long messageId) => Create(SegmentTypes.Node, [Pair("id", Format(messageId))]);

    /// <summary>
    /// A custom forward node shown as sent by <paramref name="userId"/>. The content is kept as a nested
    /// message: an array in JSON, escaped CQ code in a string message.
    /// </summary>
    /// <param name="userId">The sender id shown.</param>
    /// <param name="nickname">The sender name shown.</param>
    /// <param name="content">The node's message.</param>
    /// <returns>A <c>node</c> segment with <c>user_id</c>, <c>nickname</c> and <c>content</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nickname"/> or <paramref name="content"/> is <see langword="null"/>.</exception>
    public static Segment Node(long userId, string nickname, Message content)
    {
        ArgumentNullException.ThrowIfNull(nickname);
        ArgumentNullException.ThrowIfNull(content);
        return Create(SegmentTypes.Node, [Pair("user_id", Format(userId)), Pair("nickname", nickname), new("content", new SegmentValue(content))]);
    }

    /// <summary>An XML rich message.</summary>
    /// <param name="data">The XML text.</param>
    /// <returns>An <c>xml</c> segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public static Segment Xml(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(SegmentTypes.Xml, [Pair("data", data)]);
    }

    /// <summary>A JSON rich message (an ark card). Many NTQQ implementations only send signed cards.</summary>
    /// <param name="data">The JSON text, as a string; its commas and brackets are escaped for you in CQ code.</param>
    /// <returns>A <c>json</c> segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public static Segment Json(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(SegmentTypes.Json, [Pair("data", data)]);
    }

    private static KeyValuePair<string, SegmentValue> Pair(string key, string value) => new(key, SegmentValue.FromString(value));

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "1" : "0";

    private static int AddOptional(Span<KeyValuePair<string, SegmentValue>> data, int count, string key, string? value)
    {
        if (value is not null)
        {
            data[count++] = Pair(key, value);
        }

        return count;
    }

    private static int AddDownloadOptions(Span<KeyValuePair<string, SegmentValue>> data, int count, bool? cache, bool? proxy, int? timeoutSeconds)
    {
        if (cache is { } useCache)
        {
            data[count++] = Pair("cache", Flag(useCache));
        }

        if (proxy is { } useProxy)
        {
            data[count++] = Pair("proxy", Flag(useProxy));
        }

        if (timeoutSeconds is { } seconds)
        {
            data[count++] = Pair("timeout", Format(seconds));
        }

        return count;
    }
}
