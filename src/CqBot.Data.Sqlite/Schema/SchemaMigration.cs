namespace CqBot.Data.Sqlite.Schema;

/// <summary>One step of the schema: the SQL that takes a database from <c>Version - 1</c> to <paramref name="Version"/>.</summary>
/// <param name="Version">The schema version after this step; steps are numbered 1, 2, 3… without gaps.</param>
/// <param name="Sql">The statements of the step. They run in one transaction with the version update.</param>
internal sealed record SchemaMigration(int Version, string Sql)
{
    /// <summary>
    /// Every step, oldest first. A shipped step never changes: a new column or table is a new step at the
    /// end, so that every database, however old, reaches the same schema.
    /// </summary>
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        // Users, channels and their plugin fields. A channel's disabled list is a JSON array of strings.
        new(1, """
            CREATE TABLE cqbot_users (
                id INTEGER PRIMARY KEY,
                authority INTEGER NOT NULL,
                flags INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE cqbot_user_fields (
                user_id INTEGER NOT NULL,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (user_id, name)
            ) WITHOUT ROWID;
            CREATE TABLE cqbot_channels (
                id INTEGER PRIMARY KEY,
                flags INTEGER NOT NULL DEFAULT 0,
                assignee INTEGER NOT NULL DEFAULT 0,
                disabled TEXT NOT NULL DEFAULT '[]'
            );
            CREATE TABLE cqbot_channel_fields (
                channel_id INTEGER NOT NULL,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (channel_id, name)
            ) WITHOUT ROWID;
            """),

        // Command usage: uses on the last day a command was used, and the last use in Unix milliseconds.
        new(2, """
            CREATE TABLE cqbot_command_usage (
                user_id INTEGER NOT NULL,
                command TEXT NOT NULL,
                day INTEGER NOT NULL,
                count INTEGER NOT NULL,
                last_used INTEGER NOT NULL,
                PRIMARY KEY (user_id, command)
            ) WITHOUT ROWID;
            """),
    ];

    /// <summary>The version a database has after every step.</summary>
    public static int Latest => All[^1].Version;
}
