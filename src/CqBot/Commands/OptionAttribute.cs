namespace CqBot;

/// <summary>
/// Declares an option of the command on the same method, in Koishi's syntax: <c>-v</c>,
/// <c>-t, --times &lt;count:posint&gt;</c>, <c>--name [value]</c>, a symbol such as <c># &lt;id&gt;</c>, or
/// empty for <c>--kebab-name</c> only. An option without a value is a boolean flag (and <c>--no-name</c>
/// sets it false). The value binds to the method parameter named <paramref name="name"/>; its default
/// is the parameter's default. Repeat the attribute with <see cref="Value"/> to declare a variant that
/// sets a fixed value, e.g. <c>[Option("mode", "-A, --advantage", Value = "adv")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class OptionAttribute(string name, string syntax = "") : Attribute
{
    /// <summary>The option's name: the parameter it binds to.</summary>
    public string Name { get; } = name;

    /// <summary>The option's names and value, e.g. <c>-t, --times &lt;count:posint&gt;</c>.</summary>
    public string Syntax { get; } = syntax;

    /// <summary>What the option does, shown in help.</summary>
    public string? Description { get; set; }

    /// <summary>Leaves the option out of help.</summary>
    public bool Hidden { get; set; }

    /// <summary>For a value-variant: the value it sets. It then takes no value of its own.</summary>
    public object? Value { get; set; }

    /// <summary>The value when the option is absent, if the parameter has no default of its own.</summary>
    public object? Default { get; set; }
}
