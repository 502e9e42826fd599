using System.Collections.Generic;
using System.Text;

namespace CqBot.Generators.Declarations;

/// <summary>A declared argument as written: <c>&lt;name:type&gt;</c>, <c>[name]</c> or <c>[...name]</c>.</summary>
internal sealed record DeclaredArgument(string Name, string? Type, bool Required, bool Variadic);

/// <summary>
/// A parsed Koishi command declaration: <c>name &lt;required&gt; [optional] [...rest]</c>.
/// </summary>
internal sealed class CommandDeclaration
{
    private CommandDeclaration(string name, List<DeclaredArgument> arguments)
    {
        Name = name;
        Arguments = arguments;
    }

    /// <summary>The normalised name: lower-case, <c>_</c> as <c>-</c>.</summary>
    public string Name { get; }

    public IReadOnlyList<DeclaredArgument> Arguments { get; }

    /// <summary>The declaration as help shows it: no types, greedy arguments as <c>&lt;x...&gt;</c>.</summary>
    public string Usage
    {
        get
        {
            var builder = new StringBuilder(Name);
            foreach (var argument in Arguments)
            {
                builder.Append(' ').Append(argument.Required ? '<' : '[');
                if (argument.Variadic)
                {
                    builder.Append("...");
                }
                builder.Append(argument.Name);
                if (argument.Type == "text")
                {
                    builder.Append("...");
                }
                builder.Append(argument.Required ? '>' : ']');
            }
            return builder.ToString();
        }
    }

    public static string NormalizeName(string name) => name.ToLowerInvariant().Replace('_', '-');

    /// <summary>Parses a declaration; on failure returns null and says why.</summary>
    public static CommandDeclaration? TryParse(string text, out string? error)
    {
        error = null;
        var i = 0;
        SkipSpace(text, ref i);
        var nameStart = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '<' && text[i] != '[')
        {
            i++;
        }
        if (i == nameStart)
        {
            error = "it has no command name";
            return null;
        }
        var name = NormalizeName(text.Substring(nameStart, i - nameStart));
        var arguments = new List<DeclaredArgument>();
        while (true)
        {
            SkipSpace(text, ref i);
            if (i >= text.Length)
            {
                break;
            }
            var open = text[i];
            if (open != '<' && open != '[')
            {
                error = $"expected '<' or '[' at position {i}, found '{open}'";
                return null;
            }
            var close = open == '<' ? '>' : ']';
            var end = text.IndexOf(close, i + 1);
            if (end < 0)
            {
                error = $"'{open}' at position {i} is never closed";
                return null;
            }
            var body = text.Substring(i + 1, end - i - 1).Trim();
            i = end + 1;
            var variadic = body.StartsWith("...", System.StringComparison.Ordinal);
            if (variadic)
            {
                body = body.Substring(3);
            }
            string? type = null;
            var colon = body.IndexOf(':');
            if (colon >= 0)
            {
                type = body.Substring(colon + 1).Trim();
                body = body.Substring(0, colon).Trim();
            }
            if (body.Length == 0)
            {
                error = "an argument has no name";
                return null;
            }
            arguments.Add(new DeclaredArgument(body, type, open == '<', variadic));
        }
        return new CommandDeclaration(name, arguments);
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
