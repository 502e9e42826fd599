namespace CqBot.Generators;

/// <summary>
/// The metadata names of the declaration attributes, shared by the generators (which find methods by
/// them) and the analyzers (which check the same methods).
/// </summary>
internal static class AttributeNames
{
    public const string Command = "CqBot.CommandAttribute";

    public const string OnMessage = "CqBot.OnMessageAttribute";

    public const string OnNotice = "CqBot.OnNoticeAttribute";

    public const string OnRequest = "CqBot.OnRequestAttribute";

    public const string OnMetaEvent = "CqBot.OnMetaEventAttribute";

    public const string Middleware = "CqBot.MiddlewareAttribute";

    public const string Plugin = "CqBot.PluginAttribute";

    public const string OneBotAction = "CqBot.OneBotActionAttribute";

    /// <summary>Each handler attribute with the post type of the events it handles; null for middleware.</summary>
    public static readonly (string Attribute, string? PostType)[] Handlers =
    [
        (OnMessage, "message"),
        (OnNotice, "notice"),
        (OnRequest, "request"),
        (OnMetaEvent, "meta_event"),
        (Middleware, null),
    ];
}
