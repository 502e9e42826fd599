using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CqBot.Data.PostgreSql;

/// <summary>
/// Keeps a bot's users, channels and command usage in PostgreSQL, so that several bot processes (one
/// per account, or replicas of one) share them: a user's authority, a channel's assignee and the
/// daily limit of a command hold across all of them.
/// </summary>
/// <remarks>
/// <para>
/// Give it a connection string and call <see cref="InitializeAsync"/> once at start-up; that creates the
/// tables (<c>cqbot_user</c>, <c>cqbot_user_field</c>, <c>cqbot_channel</c>, <c>cqbot_channel_field</c>,
/// <c>cqbot_usage</c> and the version table <c>cqbot_schema</c>) or migrates them from an older build.
/// The login needs the right to create tables for that, and to read and write them afterwards.
/// </para>
/// <code>
/// await using var store = new PostgreSqlBotStore("Host=db.internal;Database=cqbot;Username=bot;Password=…");
/// await store.InitializeAsync(cancellationToken);
/// </code>
/// <para>
/// Connections come from Npgsql's pool (tune it with <c>Maximum Pool Size</c> and friends in the
/// connection string); each call takes one and gives it back. While the server is unreachable a call
/// throws Npgsql's exception; once the server is back, later calls work again without a restart.
/// TLS (<c>SSL Mode=Require</c>) is supported; the store works with Native AOT.
/// </para>
/// </remarks>
public sealed class PostgreSqlBotStore : IBotStore
{
    private const string InsertUserSql = "INSERT INTO cqbot_user (id, authority) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING";
    private const string SelectUserSql = "SELECT authority, flags FROM cqbot_user WHERE id = $1";
    private const string SelectUserFieldsSql = "SELECT name, value FROM cqbot_user_field WHERE user_id = $1 AND name = ANY($2)";
    private const string InsertChannelSql = "INSERT INTO cqbot_channel (id, assignee) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING";
    private const string SelectChannelSql = "SELECT flags, assignee, disabled FROM cqbot_channel WHERE id = $1";
    private const string SelectChannelFieldsSql = "SELECT name, value FROM cqbot_channel_field WHERE channel_id = $1 AND name = ANY($2)";

    // One statement decides and counts, so two processes can never both take the last use: the
    // conflicting row is locked while its WHERE is checked. A refused use returns no row (the row stays
    // locked until the batch ends, so the read that follows sees the state that refused it).
    // $1 user, $2 command, $3 day, $4 now (Unix ms), $5 max uses (0: no limit), $6 interval (ms, 0: none).
    private const string UseCommandSql = """
        INSERT INTO cqbot_usage AS u (user_id, command, day, count, last_used)
        VALUES ($1, $2, $3, 1, $4)
        ON CONFLICT (user_id, command) DO UPDATE
        SET count = CASE WHEN u.day = $3 THEN u.count + 1 ELSE 1 END, day = $3, last_used = $4
        WHERE ($5 <= 0 OR u.day <> $3 OR u.count < $5)
          AND ($6 <= 0 OR $4 - u.last_used >= $6)
        RETURNING count, last_used
        """;

    private const string SelectUsageSql = "SELECT CASE WHEN day = $3 THEN count ELSE 0 END, last_used FROM cqbot_usage WHERE user_id = $1 AND command = $2";

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates a store over the database that <paramref name="connectionString"/> names; nothing is opened yet.</summary>
    /// <param name="connectionString">
    /// An Npgsql connection string, such as <c>Host=localhost;Database=cqbot;Username=bot;Password=secret</c>.
    /// <c>Search Path=name</c> puts the tables in a schema of their own.
    /// </param>
    /// <param name="logger">Where schema migrations are reported; nothing is logged per call.</param>
    /// <exception cref="ArgumentException">The connection string is empty or not valid.</exception>
    public PostgreSqlBotStore(string connectionString, ILogger<PostgreSqlBotStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // The slim builder keeps Native AOT binaries small: only arrays (text[] columns, unnest, ANY)
        // and TLS are needed beyond the basic types.
        var builder = new NpgsqlSlimDataSourceBuilder(connectionString);
        builder.EnableArrays();
        builder.EnableTransportSecurity();
        _dataSource = builder.Build();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    /// <exception cref="StoreSchemaException">The database was written by a newer build.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken)
        => SchemaMigrator.MigrateAsync(_dataSource, SchemaMigrations.Latest, _logger, cancellationToken);

    /// <inheritdoc />
    public async Task<UserRecord> GetUserAsync(long userId, int defaultAuthority, IReadOnlyCollection<string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        // One round trip: create if missing, read the row, read the fields asked for.
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(Statement.Of(InsertUserSql, userId, defaultAuthority));
        batch.BatchCommands.Add(Statement.Of(SelectUserSql, userId));
        if (fields.Count > 0)
        {
            batch.BatchCommands.Add(Statement.Of(SelectUserFieldsSql, userId, AsArray(fields)));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw RowMissing("user", userId);
        }
        var authority = reader.GetInt32(0);
        var flags = (UserFlags)reader.GetInt32(1);
        var values = await ReadFieldsAsync(reader, fields.Count, cancellationToken).ConfigureAwait(false);
        return new UserRecord(userId, authority, flags, values);
    }

    /// <inheritdoc />
    public async Task<ChannelRecord> GetChannelAsync(long channelId, long assigneeIfNew, IReadOnlyCollection<string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(Statement.Of(InsertChannelSql, channelId, assigneeIfNew));
        batch.BatchCommands.Add(Statement.Of(SelectChannelSql, channelId));
        if (fields.Count > 0)
        {
            batch.BatchCommands.Add(Statement.Of(SelectChannelFieldsSql, channelId, AsArray(fields)));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw RowMissing("channel", channelId);
        }
        var flags = (ChannelFlags)reader.GetInt32(0);
        var assignee = reader.GetInt64(1);
        var disabled = reader.GetFieldValue<string[]>(2);
        var values = await ReadFieldsAsync(reader, fields.Count, cancellationToken).ConfigureAwait(false);
        return new ChannelRecord(channelId, flags, assignee, disabled, values);
    }

    /// <inheritdoc />
    public async Task SaveAsync(IReadOnlyList<UserChanges> users, IReadOnlyList<ChannelChanges> channels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(channels);
        await using var batch = _dataSource.CreateBatch();
        ChangeBatch.Add(batch, users, channels);
        if (batch.BatchCommands.Count == 0)
        {
            return;
        }
        // A batch without BEGIN runs as one implicit transaction (its statements end in a single Sync):
        // all of it commits or none, in one round trip instead of three.
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CommandUsage> TryUseCommandAsync(CommandUseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request.Command);
        var use = new NpgsqlBatchCommand(UseCommandSql);
        use.Parameters.Add(new NpgsqlParameter<long> { TypedValue = request.UserId });
        use.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.Command });
        use.Parameters.Add(new NpgsqlParameter<long> { TypedValue = request.Day });
        use.Parameters.Add(new NpgsqlParameter<long> { TypedValue = request.Now.ToUnixTimeMilliseconds() });
        use.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.MaxUsage });
        use.Parameters.Add(new NpgsqlParameter<long> { TypedValue = IntervalMilliseconds(request.MinInterval) });

        // The read of a refused use rides in the same round trip; it is skipped over when the use counted.
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(use);
        batch.BatchCommands.Add(Statement.Of(SelectUsageSql, request.UserId, request.Command, request.Day));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return new CommandUsage(true, reader.GetInt32(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
        }
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return await ReadUsageAsync(reader, false, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CommandUsage> GetCommandUsageAsync(long userId, string command, long day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(Statement.Of(SelectUsageSql, userId, command, day));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ReadUsageAsync(reader, true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task<CommandUsage> ReadUsageAsync(NpgsqlDataReader reader, bool allowed, CancellationToken cancellationToken)
    {
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new CommandUsage(allowed, reader.GetInt32(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)))
            : new CommandUsage(allowed, 0, null);
    }

    private static async Task<Dictionary<string, string>> ReadFieldsAsync(NpgsqlDataReader reader, int asked, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(asked, StringComparer.Ordinal);
        if (asked > 0 && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                values[reader.GetString(0)] = reader.GetString(1);
            }
        }
        return values;
    }

    // Stored times are whole milliseconds; a partial millisecond of interval rounds up so a use is
    // never allowed early.
    private static long IntervalMilliseconds(TimeSpan interval)
        => interval <= TimeSpan.Zero ? 0 : (interval.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;

    private static string[] AsArray(IReadOnlyCollection<string> names) => names as string[] ?? [.. names];

    // Only when the schema was changed behind the store's back (a table emptied by hand mid-call).
    private static InvalidOperationException RowMissing(string kind, long id)
        => new($"The {kind} {id} was created but could not be read back; has the cqbot_{kind} table been changed outside the bot?");
}
