using System.Collections.Generic;
using System.Text;

namespace CqBot.Generators.Declarations;

/// <summary>A declared argument as written: <c>&lt;name:type&gt;</c>, <c>[name]</c> or <c>[...name]</c>.</summary>
internal sealed record DeclaredArgument(string Name, string? Type, bool Required, bool Variadic);

/// <summary>
/// A parsed Koishi command declaration: <c>name &lt;required&gt; [optional] [...rest]</c>, where the
/// name may be a path (<c>parent.child</c> derives a subcommand, <c>parent/child</c> nests one).
/// </summary>
internal sealed class CommandDeclaration
{
    private CommandDeclaration(string path, List<DeclaredArgument> arguments)
    {
        var chain = CqBot.Commands.CommandPath.Parse(path);
        (Name, Parent) = chain[chain.Count - 1];
        Path = path;
        Arguments = arguments;
    }

    /// <summary>The declared path, e.g. <c>roll/history</c> or <c>a.b/f</c>.</summary>
    public string Path { get; }

    /// <summary>The normalised name: lower-case, <c>_</c> as <c>-</c>; a derived subcommand keeps its dot.</summary>
    public string Name { get; }

    /// <summary>The parent command's name, for a subcommand.</summary>
    public string? Parent { get; }

    public IReadOnlyList<DeclaredArgument> Arguments { get; }

    /// <summary>The arguments as help shows them: no types, <c>text</c> arguments as <c>&lt;x...&gt;</c>.</summary>
    public string Usage
    {
        get
        {
            var builder = new StringBuilder();
            foreach (var argument in Arguments)
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(argument.Required ? '<' : '[');
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
        var path = NormalizeName(text.Substring(nameStart, i - nameStart));
        if (path.EndsWith(".", System.StringComparison.Ordinal) || path.EndsWith("/", System.StringComparison.Ordinal) || path.StartsWith(".", System.StringComparison.Ordinal) || path.StartsWith("/", System.StringComparison.Ordinal))
        {
            error = $"the name '{path}' has an empty part";
            return null;
        }
        var arguments = new List<DeclaredArgument>();
        var names = new HashSet<string>();
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
            if (arguments.Count > 0 && arguments[arguments.Count - 1].Variadic)
            {
                error = "nothing may follow a variadic argument";
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
            if (!names.Add(body))
            {
                error = $"the argument '{body}' is declared twice";
                return null;
            }
            arguments.Add(new DeclaredArgument(body, type, open == '<', variadic));
        }
        return new CommandDeclaration(path, arguments);
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
