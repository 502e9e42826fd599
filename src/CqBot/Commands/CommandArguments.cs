using CqBot.Infrastructure;

namespace CqBot;

/// <summary>
/// The arguments and options a command was called with, as text, read by name: what
/// <see cref="CommandEvent"/> listeners see. A copy: it stays valid after the command has run.
/// </summary>
public sealed class CommandArguments
{
    private readonly CommandSignature _signature;
    private readonly string[] _values;
    private readonly string?[] _options;

    internal CommandArguments(CommandSignature signature, ParsedCommand parsed)
    {
        _signature = signature;
        _values = new string[parsed.ArgumentCount];
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = parsed.GetArgument(i).Text;
        }
        var options = parsed.Options;
        _options = new string?[options.Length];
        for (var i = 0; i < options.Length; i++)
        {
            _options[i] = options[i].IsSet ? options[i].Text : null;
        }
    }

    /// <summary>The argument values in order; a variadic argument gives one value per word.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>
    /// The value of the argument or option named <paramref name="name"/> as declared (<c>dice</c>,
    /// <c>times</c>): a variadic argument's words joined by spaces, <c>true</c>/<c>false</c> for a flag;
    /// null when it was not given or the command declares no such name.
    /// </summary>
    public string? this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var slot = _signature.SlotOf(name);
            if (slot >= 0)
            {
                return _options[slot];
            }
            var arguments = _signature.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].Name != name)
                {
                    continue;
                }
                if (i >= _values.Length)
                {
                    return null;
                }
                return arguments[i].Variadic ? string.Join(' ', _values, i, _values.Length - i) : _values[i];
            }
            return null;
        }
    }

    /// <summary>True when the argument or option named <paramref name="name"/> was given.</summary>
    public bool Has(string name) => this[name] is not null;
}
