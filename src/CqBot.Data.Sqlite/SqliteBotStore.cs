using CqBot.Data.Sqlite.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CqBot.Data.Sqlite;

/// <summary>
/// Keeps a bot's users, channels and command usage in a SQLite database file, so that they outlive a
/// restart. For a bot that runs as one process, or as a few processes on one machine sharing the file.
/// </summary>
/// <remarks>
/// <para>
/// Create the store once, call <see cref="InitializeAsync"/> before anything else (it creates the tables,
/// or brings a database written by an older build up to date), and dispose it when the bot stops:
/// </para>
/// <code>
/// await using var store = new SqliteBotStore("data/bot.db", loggerFactory.CreateLogger&lt;SqliteBotStore&gt;());
/// await store.InitializeAsync(cancellationToken);
/// </code>
/// <para>
/// The database runs in WAL mode with <c>synchronous=NORMAL</c>: a write that returned is kept even if
/// the bot's process crashes the next moment (a power cut can take the last few), and reading never waits
/// for writing. Two writes at once, from this process or another, take turns: one waits up to the busy
/// timeout (5 seconds, or the connection string's <c>Default Timeout</c>) before it throws.
/// </para>
/// <para>
/// Every method may be called from several threads at once; each call borrows a connection from
/// Microsoft.Data.Sqlite's pool. SQLite has no asynchronous I/O, so the methods do their work on the calling
/// thread and return a completed task; the cancellation token is checked before the work and between the
/// rows of a <see cref="SaveAsync"/>, which then writes nothing.
/// </para>
/// <para>
/// Times are kept to the millisecond. The tables are named <c>cqbot_…</c>, so the file may hold the bot's
/// own tables too; the schema version is SQLite's <c>user_version</c>.
/// </para>
/// </remarks>
public sealed partial class SqliteBotStore : IBotStore
{
    private const int DefaultBusyTimeoutSeconds = 5;

    private readonly SqliteConnectionSource _connections;
    private readonly ILogger _logger;
    private readonly string? _folder;
    private volatile bool _disposed;

    /// <summary>
    /// A store over the database file at <paramref name="path"/>, created with its folder by
    /// <see cref="InitializeAsync"/> when missing. A relative path is resolved against the current directory.
    /// </summary>
    /// <param name="path">The database file, for example <c>data/bot.db</c>.</param>
    /// <param name="logger">Where to log schema migrations; none when null.</param>
    public SqliteBotStore(string path, ILogger<SqliteBotStore>? logger = null)
        : this(ConnectionStringFor(path), logger)
    {
    }

    /// <summary>
    /// A store over the database a Microsoft.Data.Sqlite connection string names, for settings the path
    /// alone cannot say: a password with a SQLite build that encrypts, or another busy timeout
    /// (<see cref="SqliteConnectionStringBuilder.DefaultTimeout"/>, in seconds). Keep
    /// <see cref="SqliteConnectionStringBuilder.Pooling"/> on: without it every call opens the file anew.
    /// </summary>
    /// <param name="connectionString">The connection string; it is copied, later changes have no effect.</param>
    /// <param name="logger">Where to log schema migrations; none when null.</param>
    public SqliteBotStore(SqliteConnectionStringBuilder connectionString, ILogger<SqliteBotStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var copy = new SqliteConnectionStringBuilder(connectionString.ConnectionString);
        _connections = new SqliteConnectionSource(copy.ConnectionString, checked(Math.Max(copy.DefaultTimeout, 0) * 1000));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _folder = FolderOf(copy);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Turns on WAL mode, then applies the schema steps the database lacks, each in one transaction with the
    /// new version, so a crash leaves the database at the last whole step and the next start goes on from there.
    /// </remarks>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            if (_folder is not null)
            {
                Directory.CreateDirectory(_folder);
            }
            using var connection = _connections.Open();
            EnableWriteAheadLog(connection);
            SchemaMigrator.Migrate(connection, SchemaMigration.Latest, _logger, cancellationToken);
            return Task.CompletedTask;
        }
        catch (Exception e)
        {
            return Failed(e, cancellationToken);
        }
    }

    /// <inheritdoc />
    /// <remarks>Closes the store's idle pooled connections, so the database file can be moved or deleted.</remarks>
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _connections.ClearPool();
        }
        return default;
    }

    private void EnableWriteAheadLog(SqliteConnection connection)
    {
        // The journal mode is kept in the file: setting it once makes every later connection use WAL.
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = command.ExecuteScalar() as string ?? "";
        if (!mode.Equals("wal", StringComparison.OrdinalIgnoreCase))
        {
            SqliteStoreLog.NotWriteAheadLog(_logger, connection.DataSource, mode);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static SqliteConnectionStringBuilder ConnectionStringFor(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = DefaultBusyTimeoutSeconds,
        };
    }

    private static string? FolderOf(SqliteConnectionStringBuilder connectionString)
    {
        var source = connectionString.DataSource;
        if (connectionString.Mode is SqliteOpenMode.Memory or SqliteOpenMode.ReadOnly
            || source.Length == 0
            || source == ":memory:"
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        return string.IsNullOrEmpty(folder) ? null : folder;
    }

    private static Task Failed(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested
            ? Task.FromCanceled(cancellationToken)
            : Task.FromException(exception);

    private static Task<T> Failed<T>(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested
            ? Task.FromCanceled<T>(cancellationToken)
            : Task.FromException<T>(exception);
}
