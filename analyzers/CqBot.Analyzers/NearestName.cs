using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CqBot.Analyzers;

/// <summary>"Did you mean": the known name within a few edits of what was written.</summary>
internal static class NearestName
{
    /// <summary>The key under which a diagnostic carries the suggested name, for its code fix.</summary>
    public const string SuggestionKey = "Suggestion";

    /// <summary>The properties of a diagnostic suggesting <paramref name="nearest"/>; none when there is no suggestion.</summary>
    public static ImmutableDictionary<string, string?>? Properties(string? nearest) =>
        nearest is null ? null : ImmutableDictionary<string, string?>.Empty.Add(SuggestionKey, nearest);

    public static string? Find(string written, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = Math.Max(2, (int)(written.Length * 0.4));
        foreach (var name in known)
        {
            var distance = Distance(written, name);
            if (distance <= bestDistance)
            {
                best = name;
                bestDistance = distance - 1;
            }
        }
        return best;
    }

    // Optimal string alignment distance: a swapped pair of letters (kcik) counts as one edit.
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
