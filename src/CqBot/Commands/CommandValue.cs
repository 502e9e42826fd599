using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// A converted argument or option value. Only the field that matches <see cref="Kind"/> is meaningful,
/// besides <see cref="Text"/>. A value that was not given is <c>default</c> (<see cref="IsSet"/> false).
/// Numbers, flags and dates refer to the command line instead of copying their text, so parsing them
/// allocates nothing. Read by generated code, which passes the values to the command's parameters.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct CommandValue
{
    // The text is _length characters of _string from _start: all of a given text, or a token of the
    // command line. One reference instead of two keeps the struct small, and storing it costs one
    // write barrier instead of two.
    private readonly string? _string;
    private readonly int _start;
    private readonly int _length;

    /// <summary>Creates a value whose text is <paramref name="text"/>.</summary>
    public CommandValue(CommandValueKind kind, string text, long integer = 0, double number = 0, bool boolean = false, DateTimeOffset date = default)
    {
        Kind = kind;
        _string = text;
        _length = text?.Length ?? 0;
        Integer = integer;
        Number = number;
        Boolean = boolean;
        Date = date;
    }

    internal CommandValue(CommandValueKind kind, string source, int start, int length, long integer = 0, double number = 0, bool boolean = false, DateTimeOffset date = default)
    {
        Kind = kind;
        _string = source;
        _start = start;
        _length = length;
        Integer = integer;
        Number = number;
        Boolean = boolean;
        Date = date;
    }

    /// <summary>The type the value was converted to.</summary>
    public CommandValueKind Kind { get; }

    /// <summary>True when the argument or option was given.</summary>
    public bool IsSet => _string is not null;

    /// <summary>True when the value has text: false for a <c>[value]</c> option given alone.</summary>
    public bool HasText => _length > 0;

    /// <summary>The text of the value: the unescaped string for string, text and custom values, else the token as typed.</summary>
    public string Text => _string is null ? "" : _start == 0 && _length == _string.Length ? _string : _string.Substring(_start, _length);

    /// <summary>The text of the value without copying it.</summary>
    public ReadOnlySpan<char> Span => _string.AsSpan(_start, _length);

    /// <summary>The whole-number value (integer, posint, natural, user, channel).</summary>
    public long Integer { get; }

    /// <summary>The decimal value (number; also set for whole numbers).</summary>
    public double Number { get; }

    /// <summary>The boolean value.</summary>
    public bool Boolean { get; }

    /// <summary>The date value.</summary>
    public DateTimeOffset Date { get; }

    /// <summary>A boolean value.</summary>
    public static CommandValue FromBoolean(bool value) => new(CommandValueKind.Boolean, value ? "true" : "false", boolean: value);
}
