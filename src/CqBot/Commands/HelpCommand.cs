namespace CqBot;

/// <summary>
/// The built-in <c>help [command]</c> with <c>-H, --show-hidden</c>: the command list, or one command's
/// help. Built for the dispatcher's current language.
/// </summary>
internal static class HelpCommand
{
    public static CommandDefinition Create(CommandTexts texts)
    {
        var signature = new CommandSignature(
            [new ArgumentDeclaration("command", CommandValueKind.String, Required: false)],
            [new OptionDeclaration("showHidden", ["-H"], CommandValueKind.Boolean, takesValue: false) { Description = texts.HelpShowHiddenDescription }]);
        return new CommandDefinition("help", signature, context => new ValueTask<Message?>(Run(context)))
        {
            Usage = "[command]",
            Description = texts.HelpCommandDescription,
            IsBuiltIn = true,
        };
    }

    /// <summary>An action-less parent (<c>admin</c> of <c>admin.ban</c>) shows its help.</summary>
    public static CommandDefinition CreateImplicitParent(string name, string? parent) =>
        new(name, new CommandSignature([], []), context => new ValueTask<Message?>(context.Help()))
        {
            Parent = parent,
            IsBuiltIn = true,
        };

    private static Message Run(CommandContext context)
    {
        using var parsed = CommandParser.Parse(context);
        if (parsed.HelpRequested)
        {
            return context.Help();
        }
        if (parsed.Error is { } error)
        {
            return CommandReply.FromError(context, error);
        }
        var showHidden = parsed.GetOption(0).Boolean;
        var table = context.Table!;
        var prefix = table.FirstPrefix;
        if (parsed.ArgumentCount == 0)
        {
            // Commands of a plugin that is out of scope here, turned off in this channel, or above the
            // user's authority are not listed, as Koishi leaves out what the user cannot run.
            var session = context.Session;
            var authority = session.User?.Authority ?? 1;
            return CommandHelp.FormatList(table.Commands, context.Texts, prefix, showHidden, command =>
                command.IsAvailable(session) && command.Authority <= authority);
        }
        var name = parsed.GetArgument(0).Text;
        if ((!table.Commands.TryGet(name, out var command) && !table.Commands.TryGet(name.Replace(' ', '.'), out command))
            || !command.IsAvailable(context.Session))
        {
            return context.Texts.CommandNotFound;
        }
        return CommandHelp.Format(command, context.Texts, table.Commands, prefix, showHidden);
    }
}
