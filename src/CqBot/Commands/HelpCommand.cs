namespace CqBot;

/// <summary>
/// The built-in <c>help [command]</c> with <c>-H, --show-hidden</c>: the command list, or one command's
/// help. Built for the dispatcher's current language.
/// </summary>
internal static class HelpCommand
{
    public static CommandDefinition Create(EventDispatcher dispatcher)
    {
        var texts = dispatcher.Texts;
        var signature = new CommandSignature(
            [new ArgumentDeclaration("command", CommandValueKind.String, Required: false)],
            [new OptionDeclaration("showHidden", ["-H"], CommandValueKind.Boolean, takesValue: false) { Description = texts.HelpShowHiddenDescription }]);
        return new CommandDefinition("help", signature, context => new ValueTask<Message?>(Run(context, dispatcher)))
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

    private static Message Run(CommandContext context, EventDispatcher dispatcher)
    {
        using var parsed = context.Parse();
        if (parsed.HelpRequested)
        {
            return context.Help();
        }
        if (parsed.Error is { } error)
        {
            return context.Fail(error);
        }
        var showHidden = parsed.GetOption(0).Boolean;
        var prefix = dispatcher.FirstPrefix;
        if (parsed.ArgumentCount == 0)
        {
            return CommandHelp.FormatList(dispatcher.Commands, context.Texts, prefix, showHidden);
        }
        var name = parsed.GetArgument(0).Text;
        if (!dispatcher.Commands.TryGet(name, out var command) && !dispatcher.Commands.TryGet(name.Replace(' ', '.'), out command))
        {
            return context.Texts.CommandNotFound;
        }
        return CommandHelp.Format(command, context.Texts, dispatcher.Commands, prefix, showHidden);
    }
}
