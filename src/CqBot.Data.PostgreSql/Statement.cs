using Npgsql;

namespace CqBot.Data.PostgreSql;

/// <summary>
/// Batch commands with positional parameters (<c>$1</c>, <c>$2</c>, …) of their CLR types: Npgsql sends
/// them without rewriting the SQL, and the typed parameters neither box nor need reflection.
/// </summary>
internal static class Statement
{
    public static NpgsqlBatchCommand Of<T1>(string sql, T1 first)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<T1> { TypedValue = first });
        return command;
    }

    public static NpgsqlBatchCommand Of<T1, T2>(string sql, T1 first, T2 second)
    {
        var command = Of(sql, first);
        command.Parameters.Add(new NpgsqlParameter<T2> { TypedValue = second });
        return command;
    }

    public static NpgsqlBatchCommand Of<T1, T2, T3>(string sql, T1 first, T2 second, T3 third)
    {
        var command = Of(sql, first, second);
        command.Parameters.Add(new NpgsqlParameter<T3> { TypedValue = third });
        return command;
    }
}
