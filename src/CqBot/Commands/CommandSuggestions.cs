using System.Collections.Concurrent;

namespace CqBot;

/// <summary>
/// "Did you mean": the known command names close to an unknown one, and the single suggestions waiting
/// for their user to confirm with <c>.</c> or <c>。</c>, as Koishi's suggestion step does.
/// </summary>
internal sealed class CommandSuggestions
{
    // Stale entries are swept once this many are waiting, so users who never answer cost nothing for long.
    private const int SweepThreshold = 1024;

    private readonly ConcurrentDictionary<ChatKey, Pending> _pending = new();

    /// <summary>A suggestion waiting for confirmation: the command line as it would run, and until when.</summary>
    internal readonly record struct Pending(CommandDefinition Command, string Source, int Start, DateTimeOffset Expires);

    private readonly record struct ChatKey(long SelfId, long GroupId, long UserId);

    /// <summary>
    /// The visible, in-scope names nearest to <paramref name="name"/>: each at most
    /// <paramref name="ratio"/> × its length edits away (names of two characters or fewer are never
    /// suggested); all those at the smallest distance, in registry order.
    /// </summary>
    public static List<string> Find(CommandRegistry commands, Session session, ReadOnlySpan<char> name, double ratio)
    {
        var found = new List<string>();
        if (ratio <= 0)
        {
            return found;
        }
        var best = int.MaxValue;
        foreach (var command in commands.Commands)
        {
            if (command.Hidden || !command.IsAvailable(session))
            {
                continue;
            }
            Consider(command.Name, name, ratio, found, ref best);
            foreach (var alias in command.Aliases)
            {
                var space = alias.IndexOf(' ', StringComparison.Ordinal);
                Consider(space < 0 ? alias : alias[..space], name, ratio, found, ref best);
            }
        }
        return found;
    }

    private static void Consider(string candidate, ReadOnlySpan<char> target, double ratio, List<string> found, ref int best)
    {
        if (candidate.Length <= 2 || found.Contains(candidate))
        {
            return;
        }
        var distance = EditDistance(candidate, target);
        if (distance > candidate.Length * ratio || distance > best)
        {
            return;
        }
        if (distance < best)
        {
            found.Clear();
            best = distance;
        }
        found.Add(candidate);
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions of UTF-16 code units.</summary>
    internal static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<int> row = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(above + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary>True while some suggestion waits; checked before anything else is read.</summary>
    public bool HasPending => !_pending.IsEmpty;

    /// <summary>Remembers a single suggestion for the user in this chat, replacing any earlier one.</summary>
    public void Offer(Session session, Pending pending, DateTimeOffset now)
    {
        if (_pending.Count >= SweepThreshold)
        {
            foreach (var (key, waiting) in _pending)
            {
                if (waiting.Expires <= now)
                {
                    _pending.TryRemove(key, out _);
                }
            }
        }
        _pending[KeyOf(session)] = pending;
    }

    /// <summary>
    /// The user's next message in the chat ends a waiting suggestion whatever it says, as in Koishi; it
    /// returns the suggestion when the message confirms it in time.
    /// </summary>
    public Pending? Take(Session session, DateTimeOffset now)
    {
        if (!_pending.TryRemove(KeyOf(session), out var pending))
        {
            return null;
        }
        var content = session.Content.AsSpan().Trim();
        return now < pending.Expires && content is "." or "。" ? pending : null;
    }

    private static ChatKey KeyOf(Session session) => new(session.Event.SelfId, session.GroupId ?? 0, session.UserId);
}
