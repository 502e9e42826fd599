using System.Collections.Generic;

namespace CqBot.Commands;

/// <summary>
/// Koishi's command paths: the name is split before each <c>.</c> or <c>/</c>. <c>a.b</c> derives a
/// subcommand named <c>a.b</c> of <c>a</c>; <c>a/b</c> nests a subcommand named <c>b</c> under <c>a</c>;
/// they combine (<c>a.b/f</c> is <c>f</c> under <c>a.b</c> under <c>a</c>). Shared by the generator and
/// the runtime so both read paths the same way.
/// </summary>
internal static class CommandPath
{
    /// <summary>Each command along the path with its parent, outermost first; the last is the declared command.</summary>
    public static List<(string Name, string? Parent)> Parse(string path)
    {
        var chain = new List<(string Name, string? Parent)>();
        string? current = null;
        var start = 0;
        for (var i = 1; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '.' && path[i] != '/')
            {
                continue;
            }
            var segment = path.Substring(start, i - start);
            string name;
            if (current is null)
            {
                name = segment.TrimStart('/');
            }
            else if (segment.StartsWith(".", System.StringComparison.Ordinal))
            {
                name = current + segment;
            }
            else
            {
                name = segment.Substring(1);
            }
            chain.Add((name, current));
            current = name;
            start = i;
        }
        return chain;
    }
}
