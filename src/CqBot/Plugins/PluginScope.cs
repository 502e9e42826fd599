using System.Collections.Frozen;

namespace CqBot;

/// <summary>
/// Where a plugin or a command answers, as Koishi's context filters: some groups, private chats, some
/// users, some accounts, and groups where it is switched off. Out of scope it neither answers nor
/// shows in help. Immutable: each method returns a new scope.
/// </summary>
/// <example>
/// <code>
/// plugin.Scope = PluginScope.Everywhere.InGroups(123456).InPrivateChats();
/// </code>
/// </example>
public sealed class PluginScope
{
    private readonly bool _anyChat;
    private readonly bool _privateChats;
    private readonly bool _allGroups;
    private readonly FrozenSet<long> _groups;
    private readonly FrozenSet<long>? _users;
    private readonly FrozenSet<long>? _accounts;
    private readonly FrozenSet<long> _disabledGroups;

    private PluginScope(bool anyChat, bool privateChats, bool allGroups, FrozenSet<long> groups, FrozenSet<long>? users, FrozenSet<long>? accounts, FrozenSet<long> disabledGroups)
    {
        _anyChat = anyChat;
        _privateChats = privateChats;
        _allGroups = allGroups;
        _groups = groups;
        _users = users;
        _accounts = accounts;
        _disabledGroups = disabledGroups;
    }

    /// <summary>Every chat, user and account: no limit.</summary>
    public static PluginScope Everywhere { get; } = new(true, false, false, FrozenSet<long>.Empty, null, null, FrozenSet<long>.Empty);

    /// <summary>True when the scope limits nothing.</summary>
    public bool IsEverywhere => _anyChat && _users is null && _accounts is null && _disabledGroups.Count == 0;

    /// <summary>The groups switched off with <see cref="DisabledIn"/>.</summary>
    public IReadOnlySet<long> DisabledGroups => _disabledGroups;

    /// <summary>Limits the chats to these groups, added to the chats already allowed (the first chat limit replaces "every chat").</summary>
    public PluginScope InGroups(params long[] groupIds) =>
        new(false, !_anyChat && _privateChats, !_anyChat && _allGroups, Union(_anyChat ? FrozenSet<long>.Empty : _groups, groupIds), _users, _accounts, _disabledGroups);

    /// <summary>Limits the chats to groups (any group), added to the chats already allowed.</summary>
    public PluginScope InAllGroups() => new(false, !_anyChat && _privateChats, true, _anyChat ? FrozenSet<long>.Empty : _groups, _users, _accounts, _disabledGroups);

    /// <summary>Limits the chats to private chats, added to the chats already allowed.</summary>
    public PluginScope InPrivateChats() => new(false, true, !_anyChat && _allGroups, _anyChat ? FrozenSet<long>.Empty : _groups, _users, _accounts, _disabledGroups);

    /// <summary>Limits the scope to events of these users (added to users already allowed).</summary>
    public PluginScope ForUsers(params long[] userIds) => new(_anyChat, _privateChats, _allGroups, _groups, Union(_users ?? FrozenSet<long>.Empty, userIds), _accounts, _disabledGroups);

    /// <summary>Limits the scope to these bot accounts (added to accounts already allowed).</summary>
    public PluginScope ForAccounts(params long[] selfIds) => new(_anyChat, _privateChats, _allGroups, _groups, _users, Union(_accounts ?? FrozenSet<long>.Empty, selfIds), _disabledGroups);

    /// <summary>The same scope, switched off in <paramref name="groupId"/>.</summary>
    public PluginScope DisabledIn(long groupId) =>
        _disabledGroups.Contains(groupId) ? this : new(_anyChat, _privateChats, _allGroups, _groups, _users, _accounts, Union(_disabledGroups, [groupId]));

    /// <summary>The same scope, switched on again in <paramref name="groupId"/>.</summary>
    public PluginScope EnabledIn(long groupId)
    {
        if (!_disabledGroups.Contains(groupId))
        {
            return this;
        }
        var rest = new HashSet<long>(_disabledGroups);
        rest.Remove(groupId);
        return new(_anyChat, _privateChats, _allGroups, _groups, _users, _accounts, rest.ToFrozenSet());
    }

    /// <summary>True when <paramref name="event"/> is in scope.</summary>
    public bool Allows(Event @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (_accounts is not null && !_accounts.Contains(@event.SelfId))
        {
            return false;
        }
        var (groupId, userId) = ChatOf(@event);
        if (_users is not null && (userId is not { } user || !_users.Contains(user)))
        {
            return false;
        }
        if (groupId is { } group)
        {
            return !_disabledGroups.Contains(group) && (_anyChat || _allGroups || _groups.Contains(group));
        }
        if (userId is not null)
        {
            return _anyChat || _privateChats;
        }
        // Events of the account itself (heartbeats, lifecycle) belong to no chat.
        return _anyChat;
    }

    private static (long? Group, long? User) ChatOf(Event @event)
    {
        switch (@event)
        {
            case GroupMessageEvent group:
                return (group.GroupId, group.UserId);
            case MessageEvent message:
                return (null, message.UserId);
        }
        var groupId = @event.ChatGroupId is { } g and not 0 ? g : (long?)null;
        var userId = @event.ChatUserId is { } u and not 0 ? u : (long?)null;
        return (groupId, userId);
    }

    private static FrozenSet<long> Union(FrozenSet<long> set, long[] more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var all = new HashSet<long>(set);
        all.UnionWith(more);
        return all.ToFrozenSet();
    }
}
