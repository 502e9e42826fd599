namespace CqBot;

/// <summary>The commands a bot answers, by name and alias.</summary>
public sealed class CommandRegistry
{
    private readonly Dictionary<string, CommandDefinition> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CommandDefinition>.AlternateLookup<ReadOnlySpan<char>> _byNameSpan;
    private readonly List<CommandDefinition> _commands = [];
    private readonly Dictionary<string, string> _presets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _presetsSpan;
    private readonly List<(CommandShortcut Shortcut, CommandDefinition Command)> _shortcuts = [];

    /// <summary>Creates an empty registry.</summary>
    public CommandRegistry()
    {
        _byNameSpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _presetsSpan = _presets.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True for the registry of a built bot, which never changes; a change publishes a new one.</summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>Every command, in registration order.</summary>
    public IReadOnlyList<CommandDefinition> Commands => _commands;

    /// <summary>Every shortcut with its command, in registration order.</summary>
    public IReadOnlyList<(CommandShortcut Shortcut, CommandDefinition Command)> Shortcuts => _shortcuts;

    /// <summary>Adds a command; its name and aliases must not be taken yet, except by a built-in command, which it replaces.</summary>
    public void Add(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"Cannot add '{command.Name}': the commands of a built bot are read-only. Add commands to the dispatcher or a plugin; each change publishes a new registry.");
        }
        if (command.Parent is not null && Normalize(command.Parent) == Normalize(command.Name))
        {
            throw new InvalidOperationException($"cannot set a command ({command.Name}) as its own subcommand");
        }
        if (command.Parent is not null && _byName.TryGetValue(Normalize(command.Name), out var taken)
            && taken.Parent is { } takenParent && Normalize(takenParent) != Normalize(command.Parent))
        {
            throw new InvalidOperationException($"cannot create subcommand {command.Parent}/{command.Name}: {takenParent}/{command.Name} already exists");
        }
        if (_byName.TryGetValue(Normalize(command.Name), out var existing) && existing.IsBuiltIn)
        {
            Remove(existing);
        }
        else if (command.IsBuiltIn && _byName.ContainsKey(Normalize(command.Name)))
        {
            return;
        }
        Claim(command.Name, command);
        foreach (var alias in command.Aliases)
        {
            // "市场 China": the alias 市场 runs the command with "China" before the user's arguments.
            var space = alias.IndexOf(' ');
            Claim(space < 0 ? alias : alias[..space], command);
            if (space >= 0)
            {
                _presets[Normalize(alias[..space])] = alias[(space + 1)..].Trim();
            }
        }
        foreach (var shortcut in command.Shortcuts)
        {
            _shortcuts.Add((shortcut, command));
        }
        _commands.Add(command);
    }

    /// <summary>Finds a command by name or alias (case-insensitive; <c>_</c> matches <c>-</c>).</summary>
    public bool TryGet(string nameOrAlias, out CommandDefinition command) => TryGet(nameOrAlias, out command, out _);

    /// <summary>Finds a command by name or alias; <paramref name="preset"/> is the text an alias puts before the arguments.</summary>
    public bool TryGet(string nameOrAlias, out CommandDefinition command, out string? preset) => TryGet(nameOrAlias.AsSpan(), out command, out preset);

    /// <summary>
    /// Finds a command by a name or alias read from a message, without copying it (case-insensitive;
    /// <c>_</c> matches <c>-</c>); <paramref name="preset"/> is the text an alias puts before the arguments.
    /// </summary>
    public bool TryGet(ReadOnlySpan<char> nameOrAlias, out CommandDefinition command, out string? preset)
    {
        preset = null;
        if (_byNameSpan.TryGetValue(nameOrAlias, out command!))
        {
            if (_presets.Count > 0)
            {
                _presetsSpan.TryGetValue(nameOrAlias, out preset);
            }
            return true;
        }
        return TryGetNormalized(nameOrAlias, out command, out preset);
    }

    // Names are stored normalized; a name as typed (`Roll`, `show_all`) is normalized the same way.
    // Apart from the exact lookup, so that its stack buffer does not weigh on the common case.
    private bool TryGetNormalized(ReadOnlySpan<char> nameOrAlias, out CommandDefinition command, out string? preset)
    {
        preset = null;
        Span<char> buffer = nameOrAlias.Length <= 64 ? stackalloc char[nameOrAlias.Length] : new char[nameOrAlias.Length];
        var normalized = Normalize(nameOrAlias, buffer);
        if (!_byNameSpan.TryGetValue(normalized, out command!))
        {
            return false;
        }
        if (_presets.Count > 0)
        {
            _presetsSpan.TryGetValue(normalized, out preset);
        }
        return true;
    }

    /// <summary>Adds an action-less command for every parent that subcommands name but nobody declared, so <c>admin</c> shows the help of <c>admin.ban</c>'s family.</summary>
    internal void AddImplicitParents()
    {
        for (var i = 0; i < _commands.Count; i++)
        {
            var command = _commands[i];
            var chain = CqBot.Commands.CommandPath.Parse(command.Path ?? command.Name);
            foreach (var (name, parent) in chain)
            {
                if (_byName.TryGetValue(Normalize(name), out var existing))
                {
                    if (parent is not null && existing.Parent is { } declared && Normalize(declared) != Normalize(parent))
                    {
                        throw new InvalidOperationException($"cannot create subcommand {parent}/{name}: {declared}/{name} already exists");
                    }
                    continue;
                }
                Add(HelpCommand.CreateImplicitParent(name, parent));
            }
        }
    }

    internal void Freeze() => IsReadOnly = true;

    private void Remove(CommandDefinition command)
    {
        _commands.Remove(command);
        _shortcuts.RemoveAll(entry => ReferenceEquals(entry.Command, command));
        List<string> keys = [];
        foreach (var pair in _byName)
        {
            if (ReferenceEquals(pair.Value, command))
            {
                keys.Add(pair.Key);
            }
        }
        foreach (var key in keys)
        {
            _byName.Remove(key);
        }
    }

    private void Claim(string name, CommandDefinition command)
    {
        var key = Normalize(name);
        if (_byName.TryGetValue(key, out var existing))
        {
            throw new InvalidOperationException($"The command name '{key}' of '{command.Name}'{OwnedBy(command)} is already taken by '{existing.Name}'{OwnedBy(existing)}. Rename one of them or remove the alias.");
        }
        _byName.Add(key, command);
    }

    private static string OwnedBy(CommandDefinition command) => command.Owner is { } owner ? " (plugin " + owner.Name + ")" : "";

    internal static string Normalize(string name) => name.ToLowerInvariant().Replace('_', '-');

    // The same as Normalize(string), into a caller's buffer of the name's length.
    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> name, Span<char> buffer)
    {
        var length = name.ToLowerInvariant(buffer);
        buffer = buffer[..length];
        buffer.Replace('_', '-');
        return buffer;
    }
}
