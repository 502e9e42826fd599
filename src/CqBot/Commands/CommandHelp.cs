using System.Text;

namespace CqBot;

/// <summary>Formats a command's help in Koishi's layout: title, description, aliases, usage, options, examples.</summary>
public static class CommandHelp
{
    /// <summary>The help text of <paramref name="command"/>.</summary>
    public static string Format(CommandDefinition command, CommandTexts texts)
    {
        var help = new StringBuilder();
        help.Append(texts.HelpTitle).Append(command.Name.Replace('.', ' '));
        if (command.Usage.Length > 0)
        {
            help.Append(' ').Append(command.Usage);
        }
        if (!string.IsNullOrEmpty(command.Description))
        {
            help.Append('\n').Append(command.Description);
        }
        if (command.Aliases.Count > 0)
        {
            help.Append('\n').Append(texts.Format(texts.HelpAliases, string.Join('，', command.Aliases)));
        }
        if (!string.IsNullOrEmpty(command.UsageText))
        {
            help.Append('\n').Append(command.UsageText);
        }
        var options = command.Signature.Options;
        var header = false;
        foreach (var option in options)
        {
            if (option.Hidden)
            {
                continue;
            }
            if (!header)
            {
                help.Append('\n').Append(texts.HelpOptions);
                header = true;
            }
            help.Append("\n    ").Append(OptionSyntax(option));
            if (!string.IsNullOrEmpty(option.Description))
            {
                help.Append("  ").Append(option.Description);
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
        return help.ToString();
    }

    /// <summary>An option as help shows it: its names, the auto-added <c>--kebab-name</c>, and its value.</summary>
    public static string OptionSyntax(OptionDeclaration option)
    {
        var syntax = new StringBuilder();
        foreach (var alias in option.Aliases)
        {
            if (syntax.Length > 0)
            {
                syntax.Append(", ");
            }
            syntax.Append(alias);
        }
        var kebab = "--" + CommandSignature.ToKebabCase(option.Name);
        var hasKebab = false;
        foreach (var alias in option.Aliases)
        {
            hasKebab |= alias == kebab;
        }
        if (!hasKebab && option.FixedValue is null)
        {
            syntax.Append(syntax.Length > 0 ? ", " : "").Append(kebab);
        }
        if (option.TakesValue)
        {
            var name = option.ValueName ?? "value";
            syntax.Append(' ').Append(option.ValueRequired ? '<' : '[').Append(name);
            if (option.Greedy)
            {
                syntax.Append("...");
            }
            syntax.Append(option.ValueRequired ? '>' : ']');
        }
        return syntax.ToString();
    }
}
