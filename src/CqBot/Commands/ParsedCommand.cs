using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// The result of parsing a command line against a <see cref="CommandSignature"/>. Its storage is pooled:
/// dispose it once its values are read (generated handlers do), or leave it to the garbage collector.
/// Read by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ParsedCommand : IDisposable
{
    [ThreadStatic]
    private static ParsedCommand? t_spare;

    private CommandValue[] _arguments = [];
    private CommandValue[] _options = [];
    private int _optionCount;
    private bool _rented;
    private CommandParseError? _error;

    private ParsedCommand()
    {
    }

    /// <summary>How many argument values there are; a variadic argument contributes one per token.</summary>
    public int ArgumentCount { get; private set; }

    /// <summary>The converted arguments in order.</summary>
    public ReadOnlySpan<CommandValue> Arguments => _arguments.AsSpan(0, ArgumentCount);

    /// <summary>One value per option name (see <see cref="CommandSignature.OptionNames"/>); unset when the option was not given.</summary>
    public ReadOnlySpan<CommandValue> Options => _options.AsSpan(0, _optionCount);

    /// <summary>Options the command does not declare, when <see cref="CommandSignature.AllowUnknownOptions"/> is on; else null.</summary>
    public Dictionary<string, string>? UnknownOptions { get; internal set; }

    /// <summary>True when <c>-h</c> or <c>--help</c> was given and the command does not declare them itself.</summary>
    public bool HelpRequested { get; internal set; }

    /// <summary>The first error, or null when the line parsed.</summary>
    public CommandParseError? Error
    {
        get => _error;
        internal set
        {
            _error = value;
            Failed = value is not null;
        }
    }

    // Read in the parser's loops instead of copying Error each time.
    internal bool Failed { get; private set; }

    /// <summary>Where parsing stopped in the source: its end, or the terminator.</summary>
    public int Stop { get; internal set; }

    /// <summary>The argument at <paramref name="index"/>; unset past the end.</summary>
    public CommandValue GetArgument(int index) => index < ArgumentCount ? _arguments[index] : default;

    /// <summary>The option in <paramref name="slot"/> (see <see cref="CommandSignature.SlotOf"/>).</summary>
    public CommandValue GetOption(int slot) => _options[slot];

    /// <summary>Returns the storage to the pool; the values read from it stay valid.</summary>
    public void Dispose()
    {
        if (!_rented)
        {
            return;
        }
        _rented = false;
        Reset();
        t_spare = this;
    }

    // Back to empty, as rented: the parser's fast path gives up this way before the general parser starts.
    internal void Reset()
    {
        _arguments.AsSpan(0, ArgumentCount).Clear();
        _options.AsSpan(0, _optionCount).Clear();
        ArgumentCount = 0;
        UnknownOptions = null;
        HelpRequested = false;
        Error = null;
        Stop = 0;
    }

    internal static ParsedCommand Rent(int optionSlots)
    {
        var parsed = t_spare ?? new ParsedCommand();
        t_spare = null;
        parsed._rented = true;
        if (parsed._options.Length < optionSlots)
        {
            parsed._options = new CommandValue[Math.Max(optionSlots, 4)];
        }
        parsed._optionCount = optionSlots;
        return parsed;
    }

    internal void AddArgument(in CommandValue value)
    {
        if (ArgumentCount == _arguments.Length)
        {
            Array.Resize(ref _arguments, Math.Max(4, _arguments.Length * 2));
        }
        _arguments[ArgumentCount++] = value;
    }

    internal void SetOption(int slot, in CommandValue value) => _options[slot] = value;
}
