namespace CqBot.Data;

/// <summary>
/// A store that keeps users and channels in this process's memory: for tests, and for bots that need
/// no data beyond a run. Everything is gone when the process ends.
/// </summary>
public sealed class InMemoryBotStore : IBotStore
{
    private readonly object _gate = new();
    private readonly Dictionary<long, StoredUser> _users = [];
    private readonly Dictionary<long, StoredChannel> _channels = [];
    private readonly Dictionary<(long User, string Command), (long Day, int Count, DateTimeOffset LastUsed)> _usage = [];
    private volatile bool _unavailable;

    /// <summary>
    /// While true, every call throws as a database that is down would: lets a test see how the bot
    /// reports and recovers from an outage.
    /// </summary>
    public bool Unavailable
    {
        get => _unavailable;
        set => _unavailable = value;
    }

    /// <summary>How many users the store holds.</summary>
    public int UserCount
    {
        get
        {
            lock (_gate)
            {
                return _users.Count;
            }
        }
    }

    /// <summary>How many batches <see cref="SaveAsync"/> has written.</summary>
    public int SaveCount { get; private set; }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<UserRecord> GetUserAsync(long userId, int defaultAuthority, IReadOnlyCollection<string> fields, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        lock (_gate)
        {
            var user = UserOf(userId, defaultAuthority);
            return Task.FromResult(new UserRecord(userId, user.Authority, user.Flags, Select(user.Fields, fields)));
        }
    }

    /// <inheritdoc />
    public Task<ChannelRecord> GetChannelAsync(long channelId, long assigneeIfNew, IReadOnlyCollection<string> fields, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        lock (_gate)
        {
            var channel = ChannelOf(channelId, assigneeIfNew);
            return Task.FromResult(new ChannelRecord(channelId, channel.Flags, channel.Assignee, channel.Disabled, Select(channel.Fields, fields)));
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(IReadOnlyList<UserChanges> users, IReadOnlyList<ChannelChanges> channels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(channels);
        ThrowIfUnavailable();
        lock (_gate)
        {
            foreach (var change in users)
            {
                var user = UserOf(change.Id, 1);
                user.Authority = change.Authority ?? user.Authority;
                user.Flags = change.Flags ?? user.Flags;
                Apply(user.Fields, change.Fields);
            }
            foreach (var change in channels)
            {
                var channel = ChannelOf(change.Id, 0);
                channel.Flags = change.Flags ?? channel.Flags;
                channel.Assignee = change.Assignee ?? channel.Assignee;
                channel.Disabled = change.Disabled is { } disabled ? [.. disabled] : channel.Disabled;
                Apply(channel.Fields, change.Fields);
            }
            SaveCount++;
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<CommandUsage> TryUseCommandAsync(CommandUseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request.Command);
        ThrowIfUnavailable();
        lock (_gate)
        {
            var key = (request.UserId, request.Command);
            DateTimeOffset? last = _usage.TryGetValue(key, out var usage) ? usage.LastUsed : null;
            var today = usage.Day == request.Day ? usage.Count : 0;
            var refused = (request.MaxUsage > 0 && today >= request.MaxUsage)
                || (request.MinInterval > TimeSpan.Zero && last is { } previous && request.Now - previous < request.MinInterval);
            if (refused)
            {
                return Task.FromResult(new CommandUsage(false, today, last));
            }
            _usage[key] = (request.Day, today + 1, request.Now);
            return Task.FromResult(new CommandUsage(true, today + 1, request.Now));
        }
    }

    /// <inheritdoc />
    public Task<CommandUsage> GetCommandUsageAsync(long userId, string command, long day, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        lock (_gate)
        {
            return Task.FromResult(_usage.TryGetValue((userId, command), out var usage)
                ? new CommandUsage(true, usage.Day == day ? usage.Count : 0, usage.LastUsed)
                : new CommandUsage(true, 0, null));
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => default;

    private void ThrowIfUnavailable()
    {
        if (_unavailable)
        {
            throw new InvalidOperationException("The in-memory store is set to be unavailable.");
        }
    }

    private StoredUser UserOf(long id, int defaultAuthority)
    {
        if (!_users.TryGetValue(id, out var user))
        {
            user = new StoredUser { Authority = defaultAuthority };
            _users.Add(id, user);
        }
        return user;
    }

    private StoredChannel ChannelOf(long id, long assignee)
    {
        if (!_channels.TryGetValue(id, out var channel))
        {
            channel = new StoredChannel { Assignee = assignee };
            _channels.Add(id, channel);
        }
        return channel;
    }

    private static Dictionary<string, string> Select(Dictionary<string, string> stored, IReadOnlyCollection<string> names)
    {
        var selected = new Dictionary<string, string>(names.Count, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (stored.TryGetValue(name, out var value))
            {
                selected[name] = value;
            }
        }
        return selected;
    }

    private static void Apply(Dictionary<string, string> stored, IReadOnlyDictionary<string, string?> changes)
    {
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                stored.Remove(name);
            }
            else
            {
                stored[name] = value;
            }
        }
    }

    private sealed class StoredUser
    {
        public int Authority { get; set; }

        public UserFlags Flags { get; set; }

        public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
    }

    private sealed class StoredChannel
    {
        public ChannelFlags Flags { get; set; }

        public long Assignee { get; set; }

        public string[] Disabled { get; set; } = [];

        public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
    }
}
