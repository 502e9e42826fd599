using System.Collections.Concurrent;
using CqBot.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CqBot;

/// <summary>
/// The bot's users and channels over an <see cref="IBotStore"/>: loads what messages need (only the
/// fields asked for), keeps it for <see cref="BotDataSettings.CacheTime"/>, and writes changes back in
/// batches. The dispatcher attaches users and channels to sessions through it; commands may also take
/// it as a service to read or change users other than the sender.
/// </summary>
public sealed partial class BotData : IAsyncDisposable
{
    /// <summary>The highest authority.</summary>
    public const int MaxAuthority = 5;

    private readonly ConcurrentDictionary<long, BotUser> _users = new();
    private readonly ConcurrentDictionary<long, BotChannel> _channels = new();
    private readonly SemaphoreSlim _initializing = new(1, 1);
    private readonly StoreWriter _writer;
    private readonly ILogger _logger;
    private readonly long _cacheTicks;
    private volatile bool _initialized;
    private long _sweptAt;

    /// <summary>Creates the bot's data over <paramref name="store"/>.</summary>
    public BotData(IBotStore store, BotDataSettings? settings = null, TimeProvider? timeProvider = null, ILogger<BotData>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        Settings = settings ?? new BotDataSettings();
        ArgumentOutOfRangeException.ThrowIfNegative(Settings.DefaultAuthority, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Settings.DefaultAuthority, MaxAuthority, nameof(settings));
        Time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _cacheTicks = (long)(Settings.CacheTime.TotalSeconds * Time.TimestampFrequency);
        _writer = new StoreWriter(store, Settings.MaxBatch, (exception, count) => LogWriteFailed(exception, count));
    }

    /// <summary>The store underneath.</summary>
    public IBotStore Store { get; }

    /// <summary>The settings.</summary>
    public BotDataSettings Settings { get; }

    internal TimeProvider Time { get; }

    /// <summary>
    /// Creates or migrates the store's schema. Called when the bot starts; until it succeeds, every
    /// message that needs data tries again. Throws <see cref="StoreSchemaException"/> for a database of a
    /// newer build.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized)
        {
            return;
        }
        await _initializing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                await Store.InitializeAsync(cancellationToken).ConfigureAwait(false);
                _initialized = true;
            }
        }
        finally
        {
            _initializing.Release();
        }
    }

    /// <summary>
    /// The user with <paramref name="fields"/> loaded: from the cache while it is fresh, else from the
    /// store, created with <see cref="BotDataSettings.DefaultAuthority"/> when new. Save what you change
    /// with <see cref="SaveAsync(BotUser, CancellationToken)"/> (a session's own user is saved for you).
    /// </summary>
    public async Task<BotUser> GetUserAsync(long userId, FieldRequest? fields = null, CancellationToken cancellationToken = default) =>
        await GetUserAsync(userId, fields?.Names ?? [], cancellationToken).ConfigureAwait(false);

    /// <summary>The channel (group) with <paramref name="fields"/> loaded, created unassigned when new.</summary>
    public async Task<BotChannel> GetChannelAsync(long channelId, FieldRequest? fields = null, CancellationToken cancellationToken = default) =>
        await GetChannelAsync(channelId, 0, fields?.Names ?? [], cancellationToken).ConfigureAwait(false);

    /// <summary>Writes what changed in <paramref name="user"/>; completes once it is committed.</summary>
    public Task SaveAsync(BotUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return CommitAsync(user, null).AsTask();
    }

    /// <summary>Writes what changed in <paramref name="channel"/>; completes once it is committed.</summary>
    public Task SaveAsync(BotChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return CommitAsync(null, channel).AsTask();
    }

    /// <summary>Writes every change not written yet, of every cached user and channel.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var writes = new List<Task>();
        foreach (var (_, user) in _users)
        {
            if (user.HasChanges)
            {
                writes.Add(CommitAsync(user, null).AsTask());
            }
        }
        foreach (var (_, channel) in _channels)
        {
            if (channel.HasChanges)
            {
                writes.Add(CommitAsync(null, channel).AsTask());
            }
        }
        await Task.WhenAll(writes).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes every change not written yet and stops writing; the store is disposed by its owner.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await FlushAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogFlushFailed(exception);
        }
        await _writer.CompleteAsync().ConfigureAwait(false);
        _initializing.Dispose();
    }

    internal ValueTask<BotUser> GetUserAsync(long userId, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        var now = Time.GetTimestamp();
        if (_initialized && _users.TryGetValue(userId, out var user) && now - user.LoadedAt < _cacheTicks && user.MissingFields(fields) is null)
        {
            user.UsedAt = now;
            return new ValueTask<BotUser>(user);
        }
        return LoadUserAsync(userId, fields, now, cancellationToken);
    }

    internal ValueTask<BotChannel> GetChannelAsync(long channelId, long assigneeIfNew, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        var now = Time.GetTimestamp();
        if (_initialized && _channels.TryGetValue(channelId, out var channel) && now - channel.LoadedAt < _cacheTicks && channel.MissingFields(fields) is null)
        {
            channel.UsedAt = now;
            return new ValueTask<BotChannel>(channel);
        }
        return LoadChannelAsync(channelId, assigneeIfNew, fields, now, cancellationToken);
    }

    private async ValueTask<BotUser> LoadUserAsync(long userId, IReadOnlyList<string> fields, long now, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        Sweep(now);
        if (_users.TryGetValue(userId, out var cached) && now - cached.LoadedAt < _cacheTicks)
        {
            // Fresh, but without some of the fields: load only those.
            if (cached.MissingFields(fields) is { } missing)
            {
                var part = await Store.GetUserAsync(userId, Settings.DefaultAuthority, missing, cancellationToken).ConfigureAwait(false);
                cached.Fill(part, missing);
            }
            cached.UsedAt = now;
            return cached;
        }
        // New or stale: read the core columns and every field this process uses of the user.
        var names = cached is null ? fields : Union(cached.LoadedFieldNames(), fields);
        var record = await Store.GetUserAsync(userId, Settings.DefaultAuthority, names, cancellationToken).ConfigureAwait(false);
        var user = _users.GetOrAdd(userId, static (id, data) => new BotUser(id, data), this);
        user.Fill(record, names);
        user.LoadedAt = user.UsedAt = now;
        return user;
    }

    private async ValueTask<BotChannel> LoadChannelAsync(long channelId, long assigneeIfNew, IReadOnlyList<string> fields, long now, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        Sweep(now);
        if (_channels.TryGetValue(channelId, out var cached) && now - cached.LoadedAt < _cacheTicks)
        {
            if (cached.MissingFields(fields) is { } missing)
            {
                var part = await Store.GetChannelAsync(channelId, assigneeIfNew, missing, cancellationToken).ConfigureAwait(false);
                cached.Fill(part, missing);
            }
            cached.UsedAt = now;
            return cached;
        }
        var names = cached is null ? fields : Union(cached.LoadedFieldNames(), fields);
        var record = await Store.GetChannelAsync(channelId, assigneeIfNew, names, cancellationToken).ConfigureAwait(false);
        var channel = _channels.GetOrAdd(channelId, static (id, data) => new BotChannel(id, data), this);
        channel.Fill(record, names);
        channel.LoadedAt = channel.UsedAt = now;
        return channel;
    }

    /// <summary>
    /// Writes what changed in the user and channel of a session, and completes once it is committed —
    /// also when another session of the same user carried the change. A failed write drops both from
    /// the cache, so the next message reads what the store really holds.
    /// </summary>
    internal ValueTask CommitAsync(BotUser? user, BotChannel? channel)
    {
        var userChanges = user?.TakeChanges();
        var channelChanges = channel?.TakeChanges();
        if (userChanges is null && channelChanges is null)
        {
            var userWrite = user?.PendingWrite;
            var channelWrite = channel?.PendingWrite;
            if ((userWrite is null || userWrite.IsCompletedSuccessfully) && (channelWrite is null || channelWrite.IsCompletedSuccessfully))
            {
                return default;
            }
            return new ValueTask(Task.WhenAll(userWrite ?? Task.CompletedTask, channelWrite ?? Task.CompletedTask));
        }
        var write = _writer.SaveAsync(userChanges, channelChanges);
        if (userChanges is not null)
        {
            user!.PendingWrite = write;
        }
        if (channelChanges is not null)
        {
            channel!.PendingWrite = write;
        }
        return AwaitWriteAsync(write, user, channel);
    }

    private async ValueTask AwaitWriteAsync(Task write, BotUser? user, BotChannel? channel)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch
        {
            if (user is not null)
            {
                _users.TryRemove(new KeyValuePair<long, BotUser>(user.Id, user));
            }
            if (channel is not null)
            {
                _channels.TryRemove(new KeyValuePair<long, BotChannel>(channel.Id, channel));
            }
            throw;
        }
    }

    /// <summary>The day a use counts for: days since 0001-01-01 in the bot's time zone.</summary>
    internal long Today() => DateOnly.FromDateTime(Time.GetLocalNow().DateTime).DayNumber;

    internal async Task<CommandUsage> GetUsageAsync(long userId, string command, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await Store.GetCommandUsageAsync(userId, command, Today(), cancellationToken).ConfigureAwait(false);
    }

    internal async Task<CommandUsage> TryUseAsync(long userId, CommandDefinition command, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var request = new CommandUseRequest(userId, command.Name, Today(), command.MaxUsage, command.MinInterval, Time.GetUtcNow());
        return await Store.TryUseCommandAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // Users and channels nobody used for a cache period leave the cache, unless they hold unwritten changes.
    private void Sweep(long now)
    {
        var swept = Interlocked.Read(ref _sweptAt);
        if (now - swept < _cacheTicks || Interlocked.CompareExchange(ref _sweptAt, now, swept) != swept)
        {
            return;
        }
        foreach (var (id, user) in _users)
        {
            if (now - user.UsedAt >= _cacheTicks && user.PendingWrite.IsCompleted && !user.HasChanges)
            {
                _users.TryRemove(new KeyValuePair<long, BotUser>(id, user));
            }
        }
        foreach (var (id, channel) in _channels)
        {
            if (now - channel.UsedAt >= _cacheTicks && channel.PendingWrite.IsCompleted && !channel.HasChanges)
            {
                _channels.TryRemove(new KeyValuePair<long, BotChannel>(id, channel));
            }
        }
    }

    private static string[] Union(IReadOnlyCollection<string> loaded, IReadOnlyList<string> asked)
    {
        var names = new List<string>(loaded);
        foreach (var name in asked)
        {
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }
        return [.. names];
    }

    /// <summary>The number of users in the cache.</summary>
    internal int CachedUsers => _users.Count;

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Writing {Count} changes to the store failed; those messages were answered with an error and their users and channels will be read again.")]
    private partial void LogWriteFailed(Exception exception, int count);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Writing the last changes to the store failed while closing.")]
    private partial void LogFlushFailed(Exception exception);
}
