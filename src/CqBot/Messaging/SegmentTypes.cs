namespace CqBot;

/// <summary>
/// The segment type names of OneBot v11, for comparing with <see cref="Segment.Type"/>
/// (for example <c>segment.Type == SegmentTypes.At</c>).
/// </summary>
/// <remarks>
/// Implementations add their own types (go-cqhttp's <c>tts</c>, NapCat's <c>mface</c>, …); such segments
/// are kept as they arrive, with their type name as sent.
/// </remarks>
public static class SegmentTypes
{
    /// <summary>Plain text: <c>text</c>.</summary>
    public const string Text = "text";

    /// <summary>A QQ built-in face: <c>face</c>.</summary>
    public const string Face = "face";

    /// <summary>An image: <c>image</c>.</summary>
    public const string Image = "image";

    /// <summary>A voice message: <c>record</c>.</summary>
    public const string Record = "record";

    /// <summary>A short video: <c>video</c>.</summary>
    public const string Video = "video";

    /// <summary>An @mention of a member or of everyone: <c>at</c>.</summary>
    public const string At = "at";

    /// <summary>The rock-paper-scissors magic face: <c>rps</c>.</summary>
    public const string Rps = "rps";

    /// <summary>The dice magic face: <c>dice</c>.</summary>
    public const string Dice = "dice";

    /// <summary>A window shake (the most basic poke): <c>shake</c>.</summary>
    public const string Shake = "shake";

    /// <summary>A poke: <c>poke</c>.</summary>
    public const string Poke = "poke";

    /// <summary>Marks a group message to be sent anonymously: <c>anonymous</c>.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>A link share: <c>share</c>.</summary>
    public const string Share = "share";

    /// <summary>A recommended friend or group: <c>contact</c>.</summary>
    public const string Contact = "contact";

    /// <summary>A location: <c>location</c>.</summary>
    public const string Location = "location";

    /// <summary>A music share, from a platform or custom: <c>music</c>.</summary>
    public const string Music = "music";

    /// <summary>A reply to (quote of) an earlier message: <c>reply</c>.</summary>
    public const string Reply = "reply";

    /// <summary>A received merged forward: <c>forward</c>.</summary>
    public const string Forward = "forward";

    /// <summary>One node of a merged forward: <c>node</c>.</summary>
    public const string Node = "node";

    /// <summary>An XML rich message: <c>xml</c>.</summary>
    public const string Xml = "xml";

    /// <summary>A JSON rich message (ark): <c>json</c>.</summary>
    public const string Json = "json";
}
