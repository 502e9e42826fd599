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

    /// <summary>
    /// How close an unknown command name must be to a known one for "did you mean": at most this fraction
    /// of the known name's length in edits (Koishi's <c>minSimilarity</c>, 0.4 by default). Names of two
    /// characters or fewer are never suggested; 0 turns suggestions off.
    /// </summary>
    public double SuggestionDistance { get; init; } = 0.4;

    /// <summary>How long a single suggestion waits for its user to confirm it with <c>.</c> or <c>。</c>; one minute by default.</summary>
    public TimeSpan SuggestionWindow { get; init; } = TimeSpan.FromMinutes(1);
}
