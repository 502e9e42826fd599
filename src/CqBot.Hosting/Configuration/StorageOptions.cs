namespace CqBot.Hosting;

/// <summary>
/// Where the bot keeps users and channels (<c>CqBot:Storage</c>). The default is an SQLite file,
/// <c>data/cqbot.db</c> under the working folder, created on first start. For several processes sharing
/// users, call <see cref="BotApplicationBuilder.UseStore"/> with a PostgreSQL store.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Which store: <see cref="StorageProvider.Sqlite"/> unless changed.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite file; relative paths start at the working folder. <c>data/cqbot.db</c> unless changed.</summary>
    public string Path { get; set; } = "data/cqbot.db";

    /// <summary>The authority of a user the bot has not seen before; 1 unless changed.</summary>
    public int DefaultAuthority { get; set; } = 1;

    /// <summary>How long a loaded user or channel is kept before it is read again; 30 seconds unless changed.</summary>
    public TimeSpan CacheTime { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The stores CqBot can set up from configuration.</summary>
public enum StorageProvider
{
    /// <summary>An SQLite file: one process, nothing to install.</summary>
    Sqlite,

    /// <summary>This process's memory: nothing survives a restart.</summary>
    Memory,

    /// <summary>No store: no users or channels are attached, and commands with an authority or usage limit refuse to run.</summary>
    None,
}
