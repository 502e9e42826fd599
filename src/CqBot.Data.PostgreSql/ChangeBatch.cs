using Npgsql;

namespace CqBot.Data.PostgreSql;

/// <summary>
/// Turns one <see cref="IBotStore.SaveAsync"/> call into a few set-based statements in one batch:
/// create the missing rows, update the named columns, upsert the set fields, delete the removed ones.
/// The statement count does not grow with the number of users; only channels whose disabled list
/// changed get a statement each (a list per row does not fit in <c>unnest</c>).
/// </summary>
/// <remarks>
/// Changes to the same user, channel or field within one call are merged first, later ones winning as
/// they would if applied in order: an upsert may not touch one row twice. Rows are sorted by key so
/// two processes saving overlapping rows lock them in the same order.
/// </remarks>
internal static class ChangeBatch
{
    // Users a change names are created with the in-memory store's defaults (authority 1, no flags)
    // overridden by the change's own columns; an existing row is left to the UPDATE that follows.
    private const string InsertUsersSql = """
        INSERT INTO cqbot_user (id, authority, flags)
        SELECT id, coalesce(authority, 1), coalesce(flags, 0)
        FROM unnest($1::bigint[], $2::integer[], $3::integer[]) AS c (id, authority, flags)
        ON CONFLICT (id) DO NOTHING
        """;

    // A separate statement, not a CTE with the INSERT: it takes a new snapshot, so it also sees a row
    // another process committed after the INSERT found it there. Rows already equal are not rewritten.
    private const string UpdateUsersSql = """
        UPDATE cqbot_user AS u
        SET authority = coalesce(c.authority, u.authority), flags = coalesce(c.flags, u.flags)
        FROM unnest($1::bigint[], $2::integer[], $3::integer[]) AS c (id, authority, flags)
        WHERE u.id = c.id AND (c.authority <> u.authority OR c.flags <> u.flags)
        """;

    private const string InsertChannelsSql = """
        INSERT INTO cqbot_channel (id, flags, assignee)
        SELECT id, coalesce(flags, 0), coalesce(assignee, 0)
        FROM unnest($1::bigint[], $2::integer[], $3::bigint[]) AS c (id, flags, assignee)
        ON CONFLICT (id) DO NOTHING
        """;

    private const string UpdateChannelsSql = """
        UPDATE cqbot_channel AS h
        SET flags = coalesce(c.flags, h.flags), assignee = coalesce(c.assignee, h.assignee)
        FROM unnest($1::bigint[], $2::integer[], $3::bigint[]) AS c (id, flags, assignee)
        WHERE h.id = c.id AND (c.flags <> h.flags OR c.assignee <> h.assignee)
        """;

    private const string UpdateDisabledSql = "UPDATE cqbot_channel SET disabled = $2 WHERE id = $1 AND disabled <> $2";

    private static readonly FieldStatements UserFields = new("cqbot_user_field", "user_id");

    private static readonly FieldStatements ChannelFields = new("cqbot_channel_field", "channel_id");

    /// <summary>Adds the statements for the changes to <paramref name="batch"/>; adds none for no changes.</summary>
    public static void Add(NpgsqlBatch batch, IReadOnlyList<UserChanges> users, IReadOnlyList<ChannelChanges> channels)
    {
        if (users.Count > 0)
        {
            AddUsers(batch, users);
        }
        if (channels.Count > 0)
        {
            AddChannels(batch, channels);
        }
    }

    private static void AddUsers(NpgsqlBatch batch, IReadOnlyList<UserChanges> changes)
    {
        var rows = new SortedDictionary<long, (int? Authority, int? Flags)>();
        var fields = new FieldChanges();
        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change);
            rows[change.Id] = rows.TryGetValue(change.Id, out var row)
                ? (change.Authority ?? row.Authority, (int?)change.Flags ?? row.Flags)
                : (change.Authority, (int?)change.Flags);
            fields.Add(change.Id, change.Fields);
        }

        var ids = new long[rows.Count];
        var authorities = new int?[rows.Count];
        var flags = new int?[rows.Count];
        var changed = 0;
        var i = 0;
        foreach (var (id, row) in rows)
        {
            (ids[i], authorities[i], flags[i]) = (id, row.Authority, row.Flags);
            changed += row.Authority is not null || row.Flags is not null ? 1 : 0;
            i++;
        }

        batch.BatchCommands.Add(Statement.Of(InsertUsersSql, ids, authorities, flags));
        if (changed > 0)
        {
            batch.BatchCommands.Add(Statement.Of(UpdateUsersSql, ids, authorities, flags));
        }
        fields.AddTo(batch, UserFields);
    }

    private static void AddChannels(NpgsqlBatch batch, IReadOnlyList<ChannelChanges> changes)
    {
        var rows = new SortedDictionary<long, (int? Flags, long? Assignee, IReadOnlyList<string>? Disabled)>();
        var fields = new FieldChanges();
        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change);
            rows[change.Id] = rows.TryGetValue(change.Id, out var row)
                ? ((int?)change.Flags ?? row.Flags, change.Assignee ?? row.Assignee, change.Disabled ?? row.Disabled)
                : ((int?)change.Flags, change.Assignee, change.Disabled);
            fields.Add(change.Id, change.Fields);
        }

        var ids = new long[rows.Count];
        var flags = new int?[rows.Count];
        var assignees = new long?[rows.Count];
        var changed = 0;
        var i = 0;
        foreach (var (id, row) in rows)
        {
            (ids[i], flags[i], assignees[i]) = (id, row.Flags, row.Assignee);
            changed += row.Flags is not null || row.Assignee is not null ? 1 : 0;
            i++;
        }

        batch.BatchCommands.Add(Statement.Of(InsertChannelsSql, ids, flags, assignees));
        if (changed > 0)
        {
            batch.BatchCommands.Add(Statement.Of(UpdateChannelsSql, ids, flags, assignees));
        }
        foreach (var (id, row) in rows)
        {
            if (row.Disabled is { } disabled)
            {
                batch.BatchCommands.Add(Statement.Of(UpdateDisabledSql, id, disabled as string[] ?? [.. disabled]));
            }
        }
        fields.AddTo(batch, ChannelFields);
    }

    /// <summary>The field statements of one table, built once.</summary>
    private sealed class FieldStatements(string table, string owner)
    {
        // Values already equal are not rewritten, which would only leave dead rows behind.
        public string Upsert { get; } = $"""
            INSERT INTO {table} AS f ({owner}, name, value)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])
            ON CONFLICT ({owner}, name) DO UPDATE SET value = excluded.value
            WHERE f.value <> excluded.value
            """;

        public string Delete { get; } = $"""
            DELETE FROM {table} AS f
            USING unnest($1::bigint[], $2::text[]) AS d (owner, name)
            WHERE f.{owner} = d.owner AND f.name = d.name
            """;
    }

    /// <summary>The field changes of one call, merged per (owner, name), later ones winning.</summary>
    private sealed class FieldChanges
    {
        private readonly SortedDictionary<(long Owner, string Name), string?> _changes = new(OwnerThenName.Instance);

        public void Add(long owner, IReadOnlyDictionary<string, string?> fields)
        {
            ArgumentNullException.ThrowIfNull(fields);
            foreach (var (name, value) in fields)
            {
                _changes[(owner, name)] = value;
            }
        }

        public void AddTo(NpgsqlBatch batch, FieldStatements statements)
        {
            if (_changes.Count == 0)
            {
                return;
            }
            List<long> setOwners = [], removedOwners = [];
            List<string> setNames = [], setValues = [], removedNames = [];
            foreach (var ((owner, name), value) in _changes)
            {
                if (value is null)
                {
                    removedOwners.Add(owner);
                    removedNames.Add(name);
                }
                else
                {
                    setOwners.Add(owner);
                    setNames.Add(name);
                    setValues.Add(value);
                }
            }
            if (setOwners.Count > 0)
            {
                batch.BatchCommands.Add(Statement.Of(statements.Upsert, setOwners.ToArray(), setNames.ToArray(), setValues.ToArray()));
            }
            if (removedOwners.Count > 0)
            {
                batch.BatchCommands.Add(Statement.Of(statements.Delete, removedOwners.ToArray(), removedNames.ToArray()));
            }
        }
    }

    /// <summary>Orders field keys by owner, then ordinally by name: one order for row locks in every process.</summary>
    private sealed class OwnerThenName : IComparer<(long Owner, string Name)>
    {
        public static readonly OwnerThenName Instance = new();

        public int Compare((long Owner, string Name) x, (long Owner, string Name) y)
        {
            var byOwner = x.Owner.CompareTo(y.Owner);
            return byOwner != 0 ? byOwner : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}
