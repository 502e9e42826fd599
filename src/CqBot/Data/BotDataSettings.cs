namespace CqBot;

/// <summary>How <see cref="BotData"/> keeps users and channels.</summary>
public sealed record BotDataSettings
{
    /// <summary>The authority of a user the bot has not seen before: 1 unless changed.</summary>
    public int DefaultAuthority { get; init; } = 1;

    /// <summary>
    /// How long a loaded user or channel is used before it is read again from the store: what another
    /// process changed shows after at most this long. 30 seconds unless changed.
    /// </summary>
    public TimeSpan CacheTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most changes written in one transaction; changes waiting beyond it go into the next. 512 unless changed.</summary>
    public int MaxBatch { get; init; } = 512;
}
