namespace CqBot;

/// <summary>How messages address commands: prefixes and the bot's nicknames.</summary>
public sealed record CommandDispatchSettings
{
    /// <summary>
    /// Prefixes that mark a command, tried longest-match first (in descending order, so <c>""</c> comes last).
    /// In a group a command needs one of them, an @-mention of the bot, or a nickname; in a private chat
    /// none is needed. The default, <c>[""]</c>, accepts commands without a prefix everywhere.
    /// </summary>
    public IReadOnlyList<string> Prefixes { get; init; } = [""];

    /// <summary>Names the bot answers to: <c>bot, roll 2d6</c>, <c>@bot roll 2d6</c>.</summary>
    public IReadOnlyList<string> Nicknames { get; init; } = [];

    /// <summary>How long <see cref="Session.PromptAsync(Message?, TimeSpan?, CancellationToken)"/> waits unless told otherwise; one minute.</summary>
    public TimeSpan PromptTimeout { get; init; } = DefaultPromptTimeout;

    /// <summary>The default <see cref="PromptTimeout"/>.</summary>
    public static readonly TimeSpan DefaultPromptTimeout = TimeSpan.FromMinutes(1);
}
