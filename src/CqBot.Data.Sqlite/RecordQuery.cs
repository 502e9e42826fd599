using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CqBot.Data.Sqlite;

/// <summary>
/// The statement that loads a user or a channel: its columns alone when no field is asked for, else its
/// columns left-joined with the asked fields, so that row and fields come from one snapshot in one query.
/// </summary>
internal sealed class RecordQuery
{
    private const int CachedCounts = 16;

    private static readonly string[] FieldParameterNames = CreateFieldParameterNames();

    private readonly string _columnsOnly;
    private readonly string _joinStart;
    private readonly string _joinEnd;
    private readonly string?[] _joinByCount = new string?[CachedCounts + 1];

    private RecordQuery(string table, string columns, string fieldTable, string ownerColumn)
    {
        _columnsOnly = $"SELECT {columns} FROM {table} WHERE id = $id;";
        _joinStart = $"SELECT r.{columns.Replace(", ", ", r.", StringComparison.Ordinal)}, f.name, f.value FROM {table} AS r LEFT JOIN {fieldTable} AS f ON f.{ownerColumn} = r.id AND f.name IN (";
        _joinEnd = ") WHERE r.id = $id;";
        FieldColumn = columns.Split(", ").Length;
    }

    /// <summary>Loads a user: authority, flags.</summary>
    public static RecordQuery Users { get; } = new("cqbot_users", "authority, flags", "cqbot_user_fields", "user_id");

    /// <summary>Loads a channel: flags, assignee, disabled.</summary>
    public static RecordQuery Channels { get; } = new("cqbot_channels", "flags, assignee, disabled", "cqbot_channel_fields", "channel_id");

    /// <summary>The ordinal of the field name column in a joined row; the value follows it.</summary>
    public int FieldColumn { get; }

    /// <summary>A command on <paramref name="connection"/> that selects record <paramref name="id"/> with <paramref name="fields"/>.</summary>
    public SqliteCommand Create(SqliteConnection connection, long id, IReadOnlyCollection<string> fields)
    {
        var command = connection.CreateCommand();
        command.CommandText = Text(fields.Count);
        command.Parameters.Add("$id", SqliteType.Integer).Value = id;
        if (fields.Count > 0)
        {
            var i = 0;
            foreach (var name in fields)
            {
                ArgumentNullException.ThrowIfNull(name, nameof(fields));
                command.Parameters.Add(ParameterName(i++), SqliteType.Text).Value = name;
            }
        }
        return command;
    }

    private string Text(int fieldCount)
    {
        if (fieldCount == 0)
        {
            return _columnsOnly;
        }
        if (fieldCount > CachedCounts)
        {
            return BuildJoin(fieldCount);
        }
        // A race builds the same text twice; either copy will do.
        return _joinByCount[fieldCount] ??= BuildJoin(fieldCount);
    }

    private string BuildJoin(int fieldCount)
    {
        var text = new StringBuilder(_joinStart, _joinStart.Length + (fieldCount * 6) + _joinEnd.Length);
        for (var i = 0; i < fieldCount; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(ParameterName(i));
        }
        return text.Append(_joinEnd).ToString();
    }

    private static string ParameterName(int index) =>
        index < FieldParameterNames.Length ? FieldParameterNames[index] : "$f" + index.ToString(CultureInfo.InvariantCulture);

    private static string[] CreateFieldParameterNames()
    {
        var names = new string[CachedCounts];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = "$f" + i.ToString(CultureInfo.InvariantCulture);
        }
        return names;
    }
}
