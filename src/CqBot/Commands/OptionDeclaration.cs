using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// A declared option, e.g. <c>-t, --times &lt;count:posint&gt;</c>. Several declarations may share a
/// <see cref="Name"/>: the extra ones are value-variants (<c>-A, --advantage</c> setting a fixed value).
/// Created by generated code from <see cref="OptionAttribute"/>, which is how bot authors declare one.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record OptionDeclaration
{
    private readonly CommandValue? _fixedValue;

    /// <summary>Creates an option declaration.</summary>
    public OptionDeclaration(string name, string[] aliases, CommandValueKind kind, bool takesValue, bool valueRequired = true, string? valueName = null)
    {
        Name = name;
        Aliases = aliases;
        Kind = kind;
        TakesValue = takesValue;
        ValueRequired = valueRequired;
        ValueName = valueName;
    }

    /// <summary>The option's name: the key its value is stored under and the parameter it binds to.</summary>
    public string Name { get; }

    /// <summary>The names that select it as written: <c>-t</c>, <c>--times</c>, or a symbol such as <c>#</c>.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The value's type; <see cref="CommandValueKind.Boolean"/> for a flag.</summary>
    public CommandValueKind Kind { get; }

    /// <summary>True when the option is followed by a value (<c>&lt;v&gt;</c> or <c>[v]</c>).</summary>
    public bool TakesValue { get; }

    /// <summary>True for <c>&lt;v&gt;</c>: the value must be given. For <c>[v]</c> the option may stand alone.</summary>
    public bool ValueRequired { get; }

    /// <summary>The value's name shown in help, e.g. <c>count</c>.</summary>
    public string? ValueName { get; }

    /// <summary>For a value-variant: the value it sets; it never takes a value of its own.</summary>
    public CommandValue? FixedValue { get => _fixedValue; init => _fixedValue = value; }

    // Read by the parser without copying the nullable value to test it.
    internal bool HasFixedValue => _fixedValue.HasValue;

    internal CommandValue FixedValueOrDefault => _fixedValue.GetValueOrDefault();

    /// <summary>For <see cref="CommandValueKind.Custom"/>: whether a value converts.</summary>
    public Func<string, bool>? Validator { get; init; }

    /// <summary>What the option does, shown in help.</summary>
    public string? Description { get; init; }

    /// <summary>Left out of help unless hidden options are asked for.</summary>
    public bool Hidden { get; init; }

    /// <summary>The allowed values (an enum's members), listed by errors and help; null when any value of the type goes.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>True for <c>text</c>: the value is the rest of the line.</summary>
    public bool Greedy => Kind == CommandValueKind.Text;
}
