using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CqBot.Hosting.Configuration;

/// <summary>
/// Reads <see cref="BotOptions"/> from the <c>CqBot</c> configuration section by hand, so that no
/// reflection-based binder runs, and names the first invalid setting in one sentence.
/// </summary>
internal static class BotOptionsReader
{
    public const string SectionName = "CqBot";

    public static BotOptions Read(IConfiguration configuration)
    {
        var options = new BotOptions();
        Bind(configuration, options);
        Validate(options);
        return options;
    }

    /// <summary>Sets every configured setting on <paramref name="options"/>; throws naming the first one that cannot be read.</summary>
    public static void Bind(IConfiguration configuration, BotOptions options)
    {
        var section = configuration.GetSection(SectionName);
        options.AccessToken = NullIfEmpty(section["AccessToken"]) ?? options.AccessToken;
        options.Secret = NullIfEmpty(section["Secret"]) ?? options.Secret;
        options.ApiRoot = ReadUri(section, "ApiRoot", "http", "https") ?? options.ApiRoot;
        options.ApiTimeout = ReadDuration(section, "ApiTimeout", options.ApiTimeout);
        options.MaxBodySize = ReadLong(section, "MaxBodySize", options.MaxBodySize);
        options.QuickOperationWindow = ReadDuration(section, "QuickOperationWindow", options.QuickOperationWindow);
        options.HeartbeatTolerance = ReadDouble(section, "HeartbeatTolerance", options.HeartbeatTolerance);
        options.ShutdownTimeout = ReadDuration(section, "ShutdownTimeout", options.ShutdownTimeout);
        options.ReconnectDelay = ReadDuration(section, "ReconnectDelay", options.ReconnectDelay);
        options.MaxReconnectDelay = ReadDuration(section, "MaxReconnectDelay", options.MaxReconnectDelay);
        options.MaxQueuedEventsPerChat = (int)ReadLong(section, "MaxQueuedEventsPerChat", options.MaxQueuedEventsPerChat);
        options.MaxPendingEvents = (int)ReadLong(section, "MaxPendingEvents", options.MaxPendingEvents);
        options.MaxPendingBytes = ReadLong(section, "MaxPendingBytes", options.MaxPendingBytes);
        options.AccountIdleTimeout = ReadDuration(section, "AccountIdleTimeout", options.AccountIdleTimeout);
        options.ConfiguredAccountsOnly = ReadBool(section, "ConfiguredAccountsOnly", options.ConfiguredAccountsOnly);
        options.ConnectionReplacement = ReadReplacement(section, options.ConnectionReplacement);
        ReadList(section.GetSection("Prefixes"), options.Prefixes);
        ReadList(section.GetSection("Nicknames"), options.Nicknames);

        foreach (var child in section.GetSection("Accounts").GetChildren())
        {
            if (!long.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var selfId) || selfId <= 0)
            {
                throw new BotConfigurationException($"The setting '{child.Path}' must be named by the account's QQ number, not '{child.Key}'.");
            }
            options.Accounts[selfId] = new AccountOptions
            {
                ApiRoot = ReadUri(child, "ApiRoot", "http", "https"),
                AccessToken = NullIfEmpty(child["AccessToken"]),
            };
        }
        foreach (var child in section.GetSection("ForwardWebSockets").GetChildren())
        {
            // Either a list of URLs or a list of { Url, AccessToken } objects.
            var url = child.Value is { Length: > 0 } ? ParseUri(child.Path, child.Value, "ws", "wss") : ReadUri(child, "Url", "ws", "wss");
            if (url is null)
            {
                throw new BotConfigurationException($"The setting '{child.Path}:Url' is required: the implementation's WebSocket address, such as ws://127.0.0.1:6700/.");
            }
            options.ForwardWebSockets.Add(new ForwardWebSocketOptions { Url = url, AccessToken = NullIfEmpty(child["AccessToken"]) });
        }

        var storage = section.GetSection("Storage");
        options.Storage.Provider = ReadProvider(storage, options.Storage.Provider);
        options.Storage.Path = NullIfEmpty(storage["Path"]) ?? options.Storage.Path;
        options.Storage.DefaultAuthority = (int)ReadLong(storage, "DefaultAuthority", options.Storage.DefaultAuthority);
        options.Storage.CacheTime = ReadDuration(storage, "CacheTime", options.Storage.CacheTime);
        var rate = section.GetSection("RateLimit");
        options.RateLimit.Enabled = ReadBool(rate, "Enabled", options.RateLimit.Enabled);
        options.RateLimit.AccountBurst = ReadDouble(rate, "AccountBurst", options.RateLimit.AccountBurst);
        options.RateLimit.AccountPerSecond = ReadDouble(rate, "AccountPerSecond", options.RateLimit.AccountPerSecond);
        options.RateLimit.GroupBurst = ReadDouble(rate, "GroupBurst", options.RateLimit.GroupBurst);
        options.RateLimit.GroupPerSecond = ReadDouble(rate, "GroupPerSecond", options.RateLimit.GroupPerSecond);
        options.RateLimit.QueueLimit = (int)ReadLong(rate, "QueueLimit", options.RateLimit.QueueLimit);
    }

    /// <summary>Checks settings that code may also have changed; throws naming the first bad one.</summary>
    public static void Validate(BotOptions options)
    {
        Positive("ApiTimeout", options.ApiTimeout);
        Positive("ShutdownTimeout", options.ShutdownTimeout);
        Positive("ReconnectDelay", options.ReconnectDelay);
        Positive("MaxReconnectDelay", options.MaxReconnectDelay);
        Positive("AccountIdleTimeout", options.AccountIdleTimeout);
        if (options.ConnectionReplacement is not (ConnectionReplacement.NewestWins or ConnectionReplacement.FirstWinsWhileAlive))
        {
            throw new BotConfigurationException("The setting 'CqBot:ConnectionReplacement' must be NewestWins or FirstWinsWhileAlive.");
        }
        if (options.QuickOperationWindow < TimeSpan.Zero)
        {
            throw new BotConfigurationException("The setting 'CqBot:QuickOperationWindow' must not be negative.");
        }
        if (options.MaxBodySize < 1024)
        {
            throw new BotConfigurationException($"The setting 'CqBot:MaxBodySize' is {options.MaxBodySize} bytes; it must be at least 1024.");
        }
        if (options.MaxQueuedEventsPerChat < 1 || options.MaxPendingEvents < 1)
        {
            throw new BotConfigurationException("The settings 'CqBot:MaxQueuedEventsPerChat' and 'CqBot:MaxPendingEvents' must be at least 1.");
        }
        if (options.MaxPendingBytes < options.MaxBodySize)
        {
            throw new BotConfigurationException($"The setting 'CqBot:MaxPendingBytes' is {options.MaxPendingBytes} bytes; it must be at least 'CqBot:MaxBodySize' ({options.MaxBodySize} bytes), or no event that large could ever be handled.");
        }
        if (!(options.HeartbeatTolerance >= 1))
        {
            throw new BotConfigurationException("The setting 'CqBot:HeartbeatTolerance' must be at least 1 (heartbeat intervals).");
        }
        if (options.Storage.DefaultAuthority is < 0 or > BotData.MaxAuthority)
        {
            throw new BotConfigurationException($"The setting 'CqBot:Storage:DefaultAuthority' is {options.Storage.DefaultAuthority}; it must be from 0 to {BotData.MaxAuthority}.");
        }
        if (options.Storage.CacheTime < TimeSpan.Zero)
        {
            throw new BotConfigurationException("The setting 'CqBot:Storage:CacheTime' must not be negative.");
        }
        if (options.Storage.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.Storage.Path))
        {
            throw new BotConfigurationException("The setting 'CqBot:Storage:Path' must name the SQLite file, such as data/cqbot.db.");
        }
        var rate = options.RateLimit;
        if (rate.Enabled && (!(rate.AccountBurst >= 1) || !(rate.GroupBurst >= 1) || !(rate.AccountPerSecond > 0) || !(rate.GroupPerSecond > 0) || rate.QueueLimit < 1))
        {
            throw new BotConfigurationException("The 'CqBot:RateLimit' settings need bursts of at least 1, positive rates and a queue limit of at least 1; set 'CqBot:RateLimit:Enabled' to false to turn limiting off.");
        }
        foreach (var prefix in options.Prefixes)
        {
            if (string.IsNullOrWhiteSpace(prefix))
            {
                throw new BotConfigurationException("A command prefix ('CqBot:Prefixes', --prefix) must not be empty.");
            }
        }
    }

    private static void Positive(string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new BotConfigurationException($"The setting 'CqBot:{name}' must be a positive duration.");
        }
    }

    private static StorageProvider ReadProvider(IConfigurationSection section, StorageProvider fallback) => NullIfEmpty(section["Provider"])?.ToLowerInvariant() switch
    {
        null => fallback,
        "sqlite" => StorageProvider.Sqlite,
        "memory" => StorageProvider.Memory,
        "none" => StorageProvider.None,
        var other => throw new BotConfigurationException($"The setting '{section.Path}:Provider' must be sqlite, memory or none, not '{other}'. For PostgreSQL, call builder.UseStore with a PostgreSqlBotStore."),
    };

    private static ConnectionReplacement ReadReplacement(IConfigurationSection section, ConnectionReplacement fallback)
    {
        var text = NullIfEmpty(section["ConnectionReplacement"]);
        if (text is null)
        {
            return fallback;
        }
        if (text.Equals(nameof(ConnectionReplacement.NewestWins), StringComparison.OrdinalIgnoreCase))
        {
            return ConnectionReplacement.NewestWins;
        }
        if (text.Equals(nameof(ConnectionReplacement.FirstWinsWhileAlive), StringComparison.OrdinalIgnoreCase))
        {
            return ConnectionReplacement.FirstWinsWhileAlive;
        }
        throw new BotConfigurationException($"The setting '{section.GetSection("ConnectionReplacement").Path}' must be NewestWins or FirstWinsWhileAlive, not '{text}'.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void ReadList(IConfigurationSection section, IList<string> into)
    {
        if (section.Value is { Length: > 0 } single)
        {
            into.Add(single);
        }
        foreach (var child in section.GetChildren())
        {
            if (child.Value is { Length: > 0 } value)
            {
                into.Add(value);
            }
        }
    }

    private static Uri? ReadUri(IConfigurationSection section, string key, params string[] schemes) =>
        section[key] is { Length: > 0 } text ? ParseUri(section.GetSection(key).Path, text, schemes) : null;

    private static Uri ParseUri(string path, string text, params string[] schemes)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || Array.IndexOf(schemes, uri.Scheme) < 0)
        {
            throw new BotConfigurationException($"The setting '{path}' is '{text}', which is not an absolute {string.Join(" or ", schemes)} URL such as {schemes[0]}://127.0.0.1:{(schemes[0].StartsWith("ws", StringComparison.Ordinal) ? 6700 : 5700)}/.");
        }
        return uri;
    }

    private static TimeSpan ReadDuration(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 1e9)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        throw new BotConfigurationException($"The setting '{section.GetSection(key).Path}' is '{text}', which is not a duration: give seconds (5, 0.5) or hh:mm:ss.");
    }

    private static long ReadLong(IConfigurationSection section, string key, long fallback)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= int.MinValue and <= long.MaxValue
            ? value
            : throw new BotConfigurationException($"The setting '{section.GetSection(key).Path}' is '{text}', which is not a whole number.");
    }

    private static double ReadDouble(IConfigurationSection section, string key, double fallback)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new BotConfigurationException($"The setting '{section.GetSection(key).Path}' is '{text}', which is not a number.");
    }

    private static bool ReadBool(IConfigurationSection section, string key, bool fallback)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        return bool.TryParse(text, out var value)
            ? value
            : throw new BotConfigurationException($"The setting '{section.GetSection(key).Path}' is '{text}'; use true or false.");
    }
}
