namespace CqBot;

/// <summary>A converted argument or option value. Only the field that matches <see cref="Kind"/> is meaningful, besides <see cref="Text"/>.</summary>
public readonly struct CommandValue
{
    /// <summary>Creates a value.</summary>
    public CommandValue(CommandValueKind kind, string text, long integer = 0, double number = 0, bool boolean = false, DateTimeOffset date = default)
    {
        Kind = kind;
        Text = text;
        Integer = integer;
        Number = number;
        Boolean = boolean;
        Date = date;
    }

    /// <summary>The type the value was converted to.</summary>
    public CommandValueKind Kind { get; }

    /// <summary>The text of the value: the unescaped string for string, text and custom values, else the token as typed.</summary>
    public string Text { get; }

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
