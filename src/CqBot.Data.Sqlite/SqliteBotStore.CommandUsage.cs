using Microsoft.Data.Sqlite;

namespace CqBot.Data.Sqlite;

public sealed partial class SqliteBotStore
{
    // Check and count in one statement, so two uses at once (from this process or another) are serialized
    // by SQLite's write lock: the update runs only when allowed, and RETURNING yields no row when refused.
    // In SET and WHERE a bare column is the stored row, before the update.
    private const string CountUse = """
        INSERT INTO cqbot_command_usage (user_id, command, day, count, last_used) VALUES ($user, $command, $day, 1, $now)
        ON CONFLICT (user_id, command) DO UPDATE SET
            count = CASE WHEN day = excluded.day THEN count + 1 ELSE 1 END,
            day = excluded.day,
            last_used = excluded.last_used
        WHERE ($max <= 0 OR day <> excluded.day OR count < $max)
            AND ($interval <= 0 OR excluded.last_used - last_used >= $interval)
        RETURNING count, last_used;
        """;

    private const string SelectUsage = "SELECT day, count, last_used FROM cqbot_command_usage WHERE user_id = $user AND command = $command;";

    /// <inheritdoc />
    public Task<CommandUsage> TryUseCommandAsync(CommandUseRequest request, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(request.Command);
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(TryUseCommand(request));
        }
        catch (Exception e)
        {
            return Failed<CommandUsage>(e, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task<CommandUsage> GetCommandUsageAsync(long userId, string command, long day, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(command);
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            using var connection = _connections.Open();
            return Task.FromResult(ReadUsage(connection, userId, command, day, allowed: true));
        }
        catch (Exception e)
        {
            return Failed<CommandUsage>(e, cancellationToken);
        }
    }

    private CommandUsage TryUseCommand(CommandUseRequest request)
    {
        using var connection = _connections.Open();
        using (var count = connection.CreateCommand())
        {
            count.CommandText = CountUse;
            count.Parameters.Add("$user", SqliteType.Integer).Value = request.UserId;
            count.Parameters.Add("$command", SqliteType.Text).Value = request.Command;
            count.Parameters.Add("$day", SqliteType.Integer).Value = request.Day;
            count.Parameters.Add("$now", SqliteType.Integer).Value = request.Now.ToUnixTimeMilliseconds();
            count.Parameters.Add("$max", SqliteType.Integer).Value = request.MaxUsage;
            count.Parameters.Add("$interval", SqliteType.Integer).Value = IntervalMilliseconds(request.MinInterval);
            using var reader = count.ExecuteReader();
            if (reader.Read())
            {
                return new CommandUsage(true, reader.GetInt32(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
            }
        }

        // Refused: nothing changed; report the uses as they stand now.
        return ReadUsage(connection, request.UserId, request.Command, request.Day, allowed: false);
    }

    private static CommandUsage ReadUsage(SqliteConnection connection, long userId, string command, long day, bool allowed)
    {
        using var select = connection.CreateCommand();
        select.CommandText = SelectUsage;
        select.Parameters.Add("$user", SqliteType.Integer).Value = userId;
        select.Parameters.Add("$command", SqliteType.Text).Value = command;
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return new CommandUsage(allowed, 0, null);
        }
        var count = reader.GetInt64(0) == day ? reader.GetInt32(1) : 0;
        return new CommandUsage(allowed, count, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
    }

    /// <summary>
    /// The least interval in whole milliseconds, rounded up: times are stored to the millisecond, and
    /// rounding down would let a use through that the interval forbids.
    /// </summary>
    private static long IntervalMilliseconds(TimeSpan interval) =>
        interval <= TimeSpan.Zero
            ? 0
            : (interval.Ticks / TimeSpan.TicksPerMillisecond) + (interval.Ticks % TimeSpan.TicksPerMillisecond == 0 ? 0 : 1);
}
