using System.Text;

namespace CqBot;

/// <summary>
/// Formats help in Koishi's layout: a command's title, description, aliases, usage text, options,
/// examples and subcommands; and the list of commands.
/// </summary>
internal static class CommandHelp
{
    /// <summary>The help text of <paramref name="command"/>.</summary>
    /// <param name="command">The command.</param>
    /// <param name="texts">The language.</param>
    /// <param name="registry">Where its subcommands are found; null leaves them out.</param>
    /// <param name="prefix">The first command prefix, shown before subcommand names.</param>
    /// <param name="showHidden">Also show hidden options and the built-in <c>-h, --help</c>.</param>
    public static string Format(CommandDefinition command, CommandTexts texts, CommandRegistry? registry = null, string prefix = "", bool showHidden = false)
    {
        var help = new StringBuilder();
        help.Append(texts.HelpTitle).Append(DisplayName(command));
        if (command.Usage.Length > 0)
        {
            help.Append(' ').Append(command.Usage);
        }
        AppendLine(help, command.Description);
        if (command.Aliases.Count > 0)
        {
            var names = new string[command.Aliases.Count];
            for (var i = 0; i < names.Length; i++)
            {
                var alias = command.Aliases[i];
                names[i] = alias.Contains(' ', StringComparison.Ordinal) ? alias[..alias.IndexOf(' ', StringComparison.Ordinal)] : alias;
            }
            AppendLine(help, texts.Format(texts.HelpAliases, string.Join('，', names)));
        }
        AppendLine(help, command.UsageText);
        foreach (var argument in command.Signature.Arguments)
        {
            if (argument.Choices is { Count: > 0 } choices)
            {
                AppendLine(help, texts.Format(texts.HelpArgumentChoices, argument.Name, string.Join(texts.ChoiceSeparator, choices)));
            }
        }

        var header = false;
        if (showHidden && !command.Signature.DeclaresHelp)
        {
            StartOptions(help, texts, ref header);
            help.Append("\n    -h, --help  ").Append(texts.HelpOptionDescription);
        }
        foreach (var option in command.Signature.Options)
        {
            if (option.Hidden && !showHidden)
            {
                continue;
            }
            StartOptions(help, texts, ref header);
            help.Append("\n    ").Append(OptionSyntax(option));
            if (!string.IsNullOrEmpty(option.Description))
            {
                help.Append("  ").Append(option.Description);
            }
            if (option.Choices is { Count: > 0 } choices)
            {
                help.Append(texts.Format(texts.HelpOptionChoices, string.Join(texts.ChoiceSeparator, choices)));
            }
        }
        if (command.Examples.Count > 0)
        {
            help.Append('\n').Append(texts.HelpExamples);
            foreach (var example in command.Examples)
            {
                help.Append("\n    ").Append(example);
            }
        }
        if (registry is not null)
        {
            var children = new List<CommandDefinition>();
            foreach (var candidate in registry.Commands)
            {
                if (candidate.Parent == command.Name && (showHidden || !candidate.Hidden))
                {
                    children.Add(candidate);
                }
            }
            if (children.Count > 0)
            {
                children.Sort(static (a, b) => string.CompareOrdinal(DisplayName(a), DisplayName(b)));
                help.Append('\n').Append(texts.HelpSubcommands);
                AppendEntries(help, children, prefix);
            }
        }
        return help.ToString();
    }

    /// <summary>The list of root commands, sorted, with the epilog that points at <c>help &lt;command&gt;</c>.</summary>
    public static string FormatList(CommandRegistry registry, CommandTexts texts, string prefix = "", bool showHidden = false) =>
        FormatList(registry, texts, prefix, showHidden, static _ => true);

    internal static string FormatList(CommandRegistry registry, CommandTexts texts, string prefix, bool showHidden, Func<CommandDefinition, bool> visible)
    {
        var roots = new List<CommandDefinition>();
        foreach (var command in registry.Commands)
        {
            if (command.Parent is null && (showHidden || !command.Hidden) && visible(command))
            {
                roots.Add(command);
            }
        }
        roots.Sort(static (a, b) => string.CompareOrdinal(DisplayName(a), DisplayName(b)));
        var list = new StringBuilder(texts.CommandListTitle);
        AppendEntries(list, roots, prefix);
        list.Append('\n').Append(texts.Format(texts.CommandListEpilog, prefix));
        return list.ToString();
    }

    /// <summary>A command's name as help shows it: a derived subcommand's dots become spaces.</summary>
    public static string DisplayName(CommandDefinition command) => command.Name.Replace('.', ' ');

    /// <summary>An option as help shows it: its names, the auto-added <c>--kebab-name</c>, and its value.</summary>
    public static string OptionSyntax(OptionDeclaration option)
    {
        var syntax = new StringBuilder();
        var kebab = "--" + CommandSignature.ToKebabCase(option.Name);
        var hasKebab = false;
        foreach (var alias in option.Aliases)
        {
            if (syntax.Length > 0)
            {
                syntax.Append(", ");
            }
            syntax.Append(alias);
            hasKebab |= alias == kebab;
        }
        // Koishi appends --kebab-name to an option's own names, but not to a value-variant's.
        if (!hasKebab && option.FixedValue is null)
        {
            syntax.Append(syntax.Length > 0 ? ", " : "").Append(kebab);
        }
        if (option.TakesValue)
        {
            syntax.Append(' ').Append(option.ValueRequired ? '<' : '[').Append(option.ValueName ?? "value");
            if (option.Greedy)
            {
                syntax.Append("...");
            }
            syntax.Append(option.ValueRequired ? '>' : ']');
        }
        return syntax.ToString();
    }

    private static void AppendEntries(StringBuilder text, List<CommandDefinition> commands, string prefix)
    {
        foreach (var command in commands)
        {
            text.Append("\n    ").Append(prefix).Append(DisplayName(command));
            if (!string.IsNullOrEmpty(command.Description))
            {
                text.Append("  ").Append(command.Description);
            }
        }
    }

    private static void StartOptions(StringBuilder help, CommandTexts texts, ref bool header)
    {
        if (!header)
        {
            help.Append('\n').Append(texts.HelpOptions);
            header = true;
        }
    }

    private static void AppendLine(StringBuilder text, string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            text.Append('\n').Append(line);
        }
    }
}
