namespace CqBot;

/// <summary>
/// Builds a <see cref="Message"/> fluently:
/// <c>Message.CreateBuilder().Reply(id).At(userId).Text(" done").Build()</c>.
/// </summary>
/// <remarks>
/// Each method appends one segment (see the <see cref="Segment"/> factory of the same name) and returns the
/// builder. <see cref="Build"/> can be called more than once; later appends do not change built messages.
/// </remarks>
public sealed class MessageBuilder
{
    private readonly List<Segment> _segments = [];

    internal MessageBuilder()
    {
    }

    /// <summary>The number of segments appended so far.</summary>
    public int Count => _segments.Count;

    /// <summary>Appends a segment.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="segment"/> is <see langword="null"/>.</exception>
    public MessageBuilder Append(Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        _segments.Add(segment);
        return this;
    }

    /// <summary>Appends every segment of a message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public MessageBuilder Append(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var segment in message)
        {
            _segments.Add(segment);
        }

        return this;
    }

    /// <summary>Appends plain text; empty text appends nothing.</summary>
    /// <param name="text">The text, unescaped.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public MessageBuilder Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? this : Append(Segment.Text(text));
    }

    /// <summary>Appends a QQ built-in face.</summary>
    /// <param name="id">The face id.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Face(int id) => Append(Segment.Face(id));

    /// <summary>Appends an image.</summary>
    /// <param name="file">A received file name, a <c>file:///</c> URI, an <c>http(s)</c> URL or <c>base64://</c> data.</param>
    /// <param name="flash">Send as a flash image.</param>
    /// <param name="cache">For URLs: reuse a cached download; <see langword="null"/> leaves the implementation's default.</param>
    /// <param name="proxy">For URLs: download through the proxy; <see langword="null"/> leaves the implementation's default.</param>
    /// <param name="timeoutSeconds">For URLs: the download timeout in seconds.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Image(string file, bool flash = false, bool? cache = null, bool? proxy = null, int? timeoutSeconds = null) =>
        Append(Segment.Image(file, flash, cache, proxy, timeoutSeconds));

    /// <summary>Appends a voice message.</summary>
    /// <param name="file">A received file name, a <c>file:///</c> URI, an <c>http(s)</c> URL or <c>base64://</c> data.</param>
    /// <param name="magic">Apply the voice changer.</param>
    /// <param name="cache">For URLs: reuse a cached download; <see langword="null"/> leaves the implementation's default.</param>
    /// <param name="proxy">For URLs: download through the proxy; <see langword="null"/> leaves the implementation's default.</param>
    /// <param name="timeoutSeconds">For URLs: the download timeout in seconds.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Record(string file, bool magic = false, bool? cache = null, bool? proxy = null, int? timeoutSeconds = null) =>
        Append(Segment.Record(file, magic, cache, proxy, timeoutSeconds));

    /// <summary>Appends a short video.</summary>
    /// <param name="file">A received file name, a <c>file:///</c> URI, an <c>http(s)</c> URL or <c>base64://</c> data.</param>
    /// <param name="cache">For URLs: reuse a cached download; <see langword="null"/> leaves the implementation's default.</param>
    /// <param name="proxy">For URLs: download through the proxy; <see langword="null"/> leaves the implementation's default.</param>
    /// <param name="timeoutSeconds">For URLs: the download timeout in seconds.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Video(string file, bool? cache = null, bool? proxy = null, int? timeoutSeconds = null) =>
        Append(Segment.Video(file, cache, proxy, timeoutSeconds));

    /// <summary>Appends an @mention of one member.</summary>
    /// <param name="userId">The QQ number to mention.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder At(long userId) => Append(Segment.At(userId));

    /// <summary>Appends an @mention of everyone in the group.</summary>
    /// <returns>This builder.</returns>
    public MessageBuilder AtAll() => Append(Segment.AtAll());

    /// <summary>Appends the rock-paper-scissors magic face.</summary>
    /// <returns>This builder.</returns>
    public MessageBuilder Rps() => Append(Segment.Rps());

    /// <summary>Appends the dice magic face.</summary>
    /// <returns>This builder.</returns>
    public MessageBuilder Dice() => Append(Segment.Dice());

    /// <summary>Appends a window shake.</summary>
    /// <returns>This builder.</returns>
    public MessageBuilder Shake() => Append(Segment.Shake());

    /// <summary>Appends a poke (OneBot specification form: type and id).</summary>
    /// <param name="type">The poke type.</param>
    /// <param name="id">The poke id.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Poke(int type, int id) => Append(Segment.Poke(type, id));

    /// <summary>Marks the group message to be sent anonymously.</summary>
    /// <param name="ignore">Send normally when anonymity is unavailable instead of failing.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Anonymous(bool ignore = false) => Append(Segment.Anonymous(ignore));

    /// <summary>Appends a link share.</summary>
    /// <param name="url">The link.</param>
    /// <param name="title">The title.</param>
    /// <param name="content">An optional description.</param>
    /// <param name="image">An optional image URL.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Share(string url, string title, string? content = null, string? image = null) =>
        Append(Segment.Share(url, title, content, image));

    /// <summary>Appends a recommended friend or group.</summary>
    /// <param name="type">Whether <paramref name="id"/> is a user or a group.</param>
    /// <param name="id">The QQ number or group number.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Contact(ContactType type, long id) => Append(Segment.Contact(type, id));

    /// <summary>Appends a location.</summary>
    /// <param name="latitude">The latitude in degrees.</param>
    /// <param name="longitude">The longitude in degrees.</param>
    /// <param name="title">An optional title.</param>
    /// <param name="content">An optional description.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Location(double latitude, double longitude, string? title = null, string? content = null) =>
        Append(Segment.Location(latitude, longitude, title, content));

    /// <summary>Appends a music share from a platform.</summary>
    /// <param name="platform">The platform.</param>
    /// <param name="songId">The song id on that platform.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Music(MusicPlatform platform, long songId) => Append(Segment.Music(platform, songId));

    /// <summary>Appends a custom music share.</summary>
    /// <param name="url">The page opened when the share is clicked.</param>
    /// <param name="audio">The audio URL.</param>
    /// <param name="title">The title.</param>
    /// <param name="content">An optional description.</param>
    /// <param name="image">An optional cover image URL.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder CustomMusic(string url, string audio, string title, string? content = null, string? image = null) =>
        Append(Segment.CustomMusic(url, audio, title, content, image));

    /// <summary>Appends a reply to an earlier message; OneBot expects it first in the message.</summary>
    /// <param name="messageId">The <c>message_id</c> being replied to.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Reply(long messageId) => Append(Segment.Reply(messageId));

    /// <summary>Appends a merged-forward reference.</summary>
    /// <param name="id">The forward id.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Forward(string id) => Append(Segment.Forward(id));

    /// <summary>Appends a forward node that forwards an existing message.</summary>
    /// <param name="messageId">The <c>message_id</c> to forward.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Node(long messageId) => Append(Segment.Node(messageId));

    /// <summary>Appends a custom forward node.</summary>
    /// <param name="userId">The sender id shown.</param>
    /// <param name="nickname">The sender name shown.</param>
    /// <param name="content">The node's message.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Node(long userId, string nickname, Message content) => Append(Segment.Node(userId, nickname, content));

    /// <summary>Appends an XML rich message.</summary>
    /// <param name="data">The XML text.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Xml(string data) => Append(Segment.Xml(data));

    /// <summary>Appends a JSON rich message.</summary>
    /// <param name="data">The JSON text.</param>
    /// <returns>This builder.</returns>
    public MessageBuilder Json(string data) => Append(Segment.Json(data));

    /// <summary>Creates the message from the segments appended so far.</summary>
    /// <returns>A new message; <see cref="Message.Empty"/> when nothing was appended.</returns>
    public Message Build() => Message.FromOwnedArray([.. _segments]);
}
