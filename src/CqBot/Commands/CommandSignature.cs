using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// The arguments and options of one command, with the lookup tables the parser needs. Generated code
/// creates one per <see cref="CommandAttribute"/> method; it is immutable and shared by every invocation.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CommandSignature
{
    private readonly Dictionary<string, int> _byAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byAliasSpan;
    private readonly string[] _slotNames;

    // Option index + 1 for each `-x` with an ASCII x, 0 for none: a flag is found without hashing.
    // Null when there are too many options to fit a byte; then the dictionary answers.
    private readonly byte[]? _shortOptions;

    /// <summary>Creates a signature; throws when two options claim the same name or symbol.</summary>
    public CommandSignature(ArgumentDeclaration[] arguments, OptionDeclaration[] options, bool strictOptions = false)
    {
        Arguments = arguments;
        Options = options;
        ArgumentArray = arguments;
        OptionArray = options;
        StrictOptions = strictOptions;
        var slots = new List<string>();
        OptionSlots = new int[options.Length];
        for (var i = 0; i < options.Length; i++)
        {
            var option = options[i];
            var slot = slots.IndexOf(option.Name);
            if (slot < 0)
            {
                slot = slots.Count;
                slots.Add(option.Name);
            }
            OptionSlots[i] = slot;
            foreach (var alias in option.Aliases)
            {
                if (!_byAlias.TryAdd(alias, i))
                {
                    throw new ArgumentException($"The option name '{alias}' is declared twice (by '{options[_byAlias[alias]].Name}' and '{option.Name}').", nameof(options));
                }
            }
        }
        // Every option also answers to --kebab-name, as in Koishi, unless something else has that name:
        // its own declaration when it has one, whatever order the variants come in; else its first
        // value-variant (where Koishi gives "", a value no declaration asked for).
        for (var i = 0; i < options.Length; i++)
        {
            if (!options[i].HasFixedValue)
            {
                _byAlias.TryAdd("--" + ToKebabCase(options[i].Name), i);
            }
        }
        for (var i = 0; i < options.Length; i++)
        {
            _byAlias.TryAdd("--" + ToKebabCase(options[i].Name), i);
        }
        _slotNames = [.. slots];
        foreach (var alias in _byAlias.Keys)
        {
            HasSymbols |= alias == "--" || !alias.StartsWith('-');
        }
        _byAliasSpan = _byAlias.GetAlternateLookup<ReadOnlySpan<char>>();
        if (options.Length < byte.MaxValue)
        {
            _shortOptions = new byte[128];
            foreach (var (alias, index) in _byAlias)
            {
                if (alias.Length == 2 && alias[0] == '-' && alias[1] < 128)
                {
                    _shortOptions[alias[1]] = (byte)(index + 1);
                }
            }
        }
        foreach (var argument in arguments)
        {
            HasNumericArgument |= IsNumeric(argument.Kind);
        }
        AllowsPlainParse = !HasSymbols && !strictOptions
            && Array.TrueForAll(arguments, static argument => !argument.Greedy && !argument.Variadic)
            && Array.TrueForAll(options, static option => !option.Greedy);
    }

    /// <summary>The declared arguments in order.</summary>
    public IReadOnlyList<ArgumentDeclaration> Arguments { get; }

    /// <summary>The declared options in order, value-variants included.</summary>
    public IReadOnlyList<OptionDeclaration> Options { get; }

    /// <summary>When true, a dash token that names no declared option is taken as an argument.</summary>
    public bool StrictOptions { get; }

    /// <summary>
    /// When true (the default), a missing required argument and arguments beyond the declared ones are
    /// errors. When false, as in Koishi by default, missing arguments are left unset and extra ones are
    /// kept as strings.
    /// </summary>
    public bool CheckArgumentCount { get; init; } = true;

    /// <summary>
    /// When false (the default), an option the command does not declare is an error. When true, as in
    /// Koishi by default, it is kept in <see cref="ParsedCommand.UnknownOptions"/> under its camelCase
    /// name; it takes the next token as its value unless that token starts with a dash.
    /// </summary>
    public bool AllowUnknownOptions { get; init; }

    /// <summary>The distinct option names; a parsed command holds one value slot per name.</summary>
    public IReadOnlyList<string> OptionNames => _slotNames;

    internal int[] OptionSlots { get; }

    // The parser reads the arrays directly: no interface calls on the hot path.
    internal ArgumentDeclaration[] ArgumentArray { get; }

    internal OptionDeclaration[] OptionArray { get; }

    // True when some option is a symbol such as '#' or '--': only then are plain tokens looked up.
    internal bool HasSymbols { get; private set; }

    /// <summary>True when the command declares <c>-h</c> or <c>--help</c> itself, so they are not the built-in help flag.</summary>
    public bool DeclaresHelp => FindOption("-h") >= 0 || FindOption("--help") >= 0;

    internal bool HasNumericArgument { get; }

    // No symbols, strict options, rest-of-line or variadic values: CommandParser's fast path can read such a command's plain lines.
    internal bool AllowsPlainParse { get; }

    /// <summary>The slot index of an option name, or -1.</summary>
    public int SlotOf(string optionName) => Array.IndexOf(_slotNames, optionName);

    internal int FindOption(ReadOnlySpan<char> alias) => _byAliasSpan.TryGetValue(alias, out var index) ? index : -1;

    /// <summary>The index of the option <c>-<paramref name="name"/></c>, or -1.</summary>
    internal int FindShortOption(char name)
    {
        if (name < 128 && _shortOptions is { } table)
        {
            return table[name] - 1;
        }
        ReadOnlySpan<char> alias = ['-', name];
        return FindOption(alias);
    }

    // A symbol is a name made of non-word characters: '#', or '--' alone (which then no longer ends the options).
    internal bool HasSymbol(ReadOnlySpan<char> token) => HasSymbols && (token.SequenceEqual("--") || !token.StartsWith('-')) && _byAliasSpan.ContainsKey(token);

    internal static bool IsNumeric(CommandValueKind kind) =>
        kind is CommandValueKind.Number or CommandValueKind.Integer or CommandValueKind.PositiveInteger or CommandValueKind.NaturalNumber;

    /// <summary><c>show-hidden</c> → <c>showHidden</c>.</summary>
    public static string ToCamelCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        var upper = false;
        foreach (var c in name)
        {
            if (c is '-' or '_')
            {
                upper = builder.Length > 0;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return builder.ToString();
    }

    /// <summary><c>showHidden</c> → <c>show-hidden</c>.</summary>
    public static string ToKebabCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                if (builder.Length > 0)
                {
                    builder.Append('-');
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c == '_' ? '-' : c);
            }
        }
        return builder.ToString();
    }
}
