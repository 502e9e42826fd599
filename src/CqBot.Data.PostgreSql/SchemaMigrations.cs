namespace CqBot.Data.PostgreSql;

/// <summary>
/// The store's schema as an ordered list of steps: step <c>n</c> takes a database from version
/// <c>n - 1</c> to <c>n</c>. A released step never changes; a new build appends one.
/// </summary>
/// <remarks>
/// Table names are unqualified, so the connection's <c>search_path</c> decides the schema they live in
/// (<c>Search Path=bots</c> in the connection string keeps them out of <c>public</c>).
/// </remarks>
internal static class SchemaMigrations
{
    /// <summary>The SQL of each step; index 0 is version 1.</summary>
    public static IReadOnlyList<string> Steps { get; } =
    [
        // Version 1: users and channels, each with its plugin fields as text.
        """
        CREATE TABLE cqbot_user (
            id bigint PRIMARY KEY,
            authority integer NOT NULL,
            flags integer NOT NULL DEFAULT 0
        );
        CREATE TABLE cqbot_user_field (
            user_id bigint NOT NULL REFERENCES cqbot_user (id) ON DELETE CASCADE,
            name text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (user_id, name)
        );
        CREATE TABLE cqbot_channel (
            id bigint PRIMARY KEY,
            flags integer NOT NULL DEFAULT 0,
            assignee bigint NOT NULL DEFAULT 0,
            disabled text[] NOT NULL DEFAULT '{}'
        );
        CREATE TABLE cqbot_channel_field (
            channel_id bigint NOT NULL REFERENCES cqbot_channel (id) ON DELETE CASCADE,
            name text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (channel_id, name)
        );
        """,

        // Version 2: how often each user used each command on its last day of use, and when last
        // (Unix milliseconds). No foreign key: a use may be counted before the user row is written.
        """
        CREATE TABLE cqbot_usage (
            user_id bigint NOT NULL,
            command text NOT NULL,
            day bigint NOT NULL,
            count integer NOT NULL,
            last_used bigint NOT NULL,
            PRIMARY KEY (user_id, command)
        );
        """,
    ];

    /// <summary>The newest version this build knows.</summary>
    public static int Latest => Steps.Count;
}
