namespace CqBot.Data;

/// <summary>A user as a store loads it: the core columns and the plugin fields that were asked for.</summary>
/// <param name="Id">The QQ number.</param>
/// <param name="Authority">0 (ignored) to 5; 1 for an ordinary user.</param>
/// <param name="Flags">The user's flags.</param>
/// <param name="Fields">The plugin fields that were asked for and exist, by name, in their stored text form.</param>
public sealed record UserRecord(long Id, int Authority, UserFlags Flags, IReadOnlyDictionary<string, string> Fields);

/// <summary>A channel (a group) as a store loads it.</summary>
/// <param name="Id">The group number.</param>
/// <param name="Flags">The channel's flags.</param>
/// <param name="Assignee">The account that answers in the channel, or 0 for any.</param>
/// <param name="Disabled">Commands and plugins turned off in the channel.</param>
/// <param name="Fields">The plugin fields that were asked for and exist, by name, in their stored text form.</param>
public sealed record ChannelRecord(long Id, ChannelFlags Flags, long Assignee, IReadOnlyList<string> Disabled, IReadOnlyDictionary<string, string> Fields);

/// <summary>What changed in a user: null for a column that did not change.</summary>
/// <param name="Id">The QQ number.</param>
/// <param name="Authority">The new authority, or null.</param>
/// <param name="Flags">The new flags, or null.</param>
/// <param name="Fields">Changed plugin fields by name; a null value removes the field.</param>
public sealed record UserChanges(long Id, int? Authority, UserFlags? Flags, IReadOnlyDictionary<string, string?> Fields);

/// <summary>What changed in a channel: null for a column that did not change.</summary>
/// <param name="Id">The group number.</param>
/// <param name="Flags">The new flags, or null.</param>
/// <param name="Assignee">The new assignee (0 for none), or null.</param>
/// <param name="Disabled">The new list of disabled commands and plugins, or null.</param>
/// <param name="Fields">Changed plugin fields by name; a null value removes the field.</param>
public sealed record ChannelChanges(long Id, ChannelFlags? Flags, long? Assignee, IReadOnlyList<string>? Disabled, IReadOnlyDictionary<string, string?> Fields);

/// <summary>One use of a command to count.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Command">The command's name.</param>
/// <param name="Day">The day the use counts for (days since 0001-01-01 in the bot's time zone); a new day starts from zero.</param>
/// <param name="MaxUsage">Uses allowed per day; 0 for no limit.</param>
/// <param name="MinInterval">The least time between two uses; zero for none.</param>
/// <param name="Now">The time of this use.</param>
public readonly record struct CommandUseRequest(long UserId, string Command, long Day, int MaxUsage, TimeSpan MinInterval, DateTimeOffset Now);

/// <summary>A user's uses of a command.</summary>
/// <param name="Allowed">For a use: true when it was counted, false when refused.</param>
/// <param name="Count">Uses on the day asked about, this one included when it was counted.</param>
/// <param name="LastUsed">The last counted use, on any day, or null.</param>
public readonly record struct CommandUsage(bool Allowed, int Count, DateTimeOffset? LastUsed);

/// <summary>Flags of a user.</summary>
[Flags]
public enum UserFlags
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary>The bot ignores the user's messages.</summary>
    Ignore = 1,
}

/// <summary>Flags of a channel.</summary>
[Flags]
public enum ChannelFlags
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary>The bot ignores every message in the channel.</summary>
    Ignore = 1,

    /// <summary>The bot stays silent in the channel: no command, middleware or handler answers there.</summary>
    Silent = 2,
}

/// <summary>
/// The database was written by a newer build of the bot than this one (its schema version is higher);
/// this build refuses to touch it.
/// </summary>
public sealed class StoreSchemaException : Exception
{
    /// <summary>Creates the exception for a database at <paramref name="found"/> when this build knows up to <paramref name="supported"/>.</summary>
    public StoreSchemaException(int found, int supported)
        : base($"The database's schema is at version {found}, but this build of the bot knows versions up to {supported}. Run a newer build, or point the bot at another database.")
    {
        Found = found;
        Supported = supported;
    }

    /// <summary>The version found in the database.</summary>
    public int Found { get; }

    /// <summary>The newest version this build knows.</summary>
    public int Supported { get; }
}
