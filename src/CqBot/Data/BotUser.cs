using CqBot.Data;

namespace CqBot;

/// <summary>
/// A user as the bot stores it, attached to every message session (<see cref="Session.User"/>): their
/// authority, flags and the plugin fields that were asked for. Changes are written back after the
/// message is handled, only what changed, before the answer is sent. One object stands for the user in
/// this process, shared by the user's concurrent messages; its members are safe to call from any thread.
/// </summary>
public sealed class BotUser : DataRecord
{
    private int _authority;
    private UserFlags _flags;
    private bool _authorityChanged;
    private bool _flagsChanged;

    internal BotUser(long id, BotData data)
        : base(id, data, "user", "OnBeforeAttachUser")
    {
    }

    /// <summary>
    /// 0 (the bot ignores the user) to 5; 1 for an ordinary user. A command's
    /// <see cref="CommandAttribute.Authority"/> is compared with it.
    /// </summary>
    public int Authority
    {
        get => Volatile.Read(ref _authority);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, BotData.MaxAuthority);
            lock (Gate)
            {
                _authority = value;
                _authorityChanged = true;
                MarkChanged();
            }
        }
    }

    /// <summary>The user's flags; <see cref="UserFlags.Ignore"/> makes the bot ignore them.</summary>
    public UserFlags Flags
    {
        get => _flags;
        set
        {
            lock (Gate)
            {
                _flags = value;
                _flagsChanged = true;
                MarkChanged();
            }
        }
    }

    /// <summary>True when the bot ignores the user: authority 0, or the ignore flag.</summary>
    public bool IsIgnored => Volatile.Read(ref _authority) == 0 || (_flags & UserFlags.Ignore) != 0;

    /// <summary>How often the user ran <paramref name="command"/> today (in the bot's time zone), and when last.</summary>
    public Task<CommandUsage> GetUsageAsync(string command, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        return Data.GetUsageAsync(Id, command, cancellationToken);
    }

    /// <summary>Takes in what the store holds; what changed here and is not written yet is kept.</summary>
    internal void Fill(UserRecord record, IReadOnlyCollection<string> names)
    {
        lock (Gate)
        {
            if (!_authorityChanged)
            {
                _authority = record.Authority;
            }
            if (!_flagsChanged)
            {
                _flags = record.Flags;
            }
            LoadFields(names, record.Fields);
        }
    }

    /// <summary>What changed since the last call, or null; forgets it.</summary>
    internal UserChanges? TakeChanges()
    {
        if (!HasChanges)
        {
            return null;
        }
        lock (Gate)
        {
            if (!_authorityChanged && !_flagsChanged && !FieldsChanged)
            {
                return null;
            }
            var changes = new UserChanges(Id, _authorityChanged ? _authority : null, _flagsChanged ? _flags : null, TakeFieldChanges());
            _authorityChanged = _flagsChanged = false;
            return changes;
        }
    }

    private protected override async Task LoadFieldsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        Fill(await Data.Store.GetUserAsync(Id, Data.Settings.DefaultAuthority, names, cancellationToken).ConfigureAwait(false), names);
}
