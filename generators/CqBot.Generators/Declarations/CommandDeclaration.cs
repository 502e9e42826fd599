using System.Collections.Generic;
using System.Text;

namespace CqBot.Generators.Declarations;

/// <summary>A declared argument as written: <c>&lt;name:type&gt;</c>, <c>[name]</c> or <c>[...name]</c>.</summary>
/// <param name="Start">Where the argument's <c>&lt;</c> or <c>[</c> is in the declaration.</param>
/// <param name="Length">The length of the argument, brackets included.</param>
/// <param name="TypeStart">Where the type's name is in the declaration, or -1 when no type is written.</param>
internal sealed record DeclaredArgument(string Name, string? Type, bool Required, bool Variadic, int Start, int Length, int TypeStart)
{
    /// <summary>A <c>text</c> or variadic argument takes the rest of the input, so nothing after it is filled.</summary>
    public bool TakesRest => Variadic || Type == "text";
}

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
            var close = open == '<' ? '>' : ']';
            var end = text.IndexOf(close, i + 1);
            if (end < 0)
            {
                error = $"'{open}' at position {i} is never closed";
                return null;
            }
            var start = i;
            var bodyStart = i + 1;
            var bodyEnd = end;
            i = end + 1;
            Trim(text, ref bodyStart, ref bodyEnd);
            var variadic = string.CompareOrdinal(text, bodyStart, "...", 0, 3) == 0 && bodyEnd - bodyStart >= 3;
            if (variadic)
            {
                bodyStart += 3;
            }
            string? type = null;
            var typeStart = -1;
            var colon = text.IndexOf(':', bodyStart, bodyEnd - bodyStart);
            if (colon >= 0)
            {
                typeStart = colon + 1;
                var typeEnd = bodyEnd;
                Trim(text, ref typeStart, ref typeEnd);
                type = text.Substring(typeStart, typeEnd - typeStart);
                bodyEnd = colon;
            }
            Trim(text, ref bodyStart, ref bodyEnd);
            var body = text.Substring(bodyStart, bodyEnd - bodyStart);
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
            arguments.Add(new DeclaredArgument(body, type, open == '<', variadic, start, i - start, typeStart));
        }
        return new CommandDeclaration(path, arguments);
    }

    private static void Trim(string text, ref int start, ref int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
