namespace CqBot;

/// <summary>
/// The built-in commands of a bot with a store, for users of authority 4 and up: <c>authorize</c>,
/// <c>channel.assign</c> and <c>channel.flag</c>. A command of the bot's own with the same name replaces them.
/// </summary>
internal static class AdminCommands
{
    /// <summary>The authority the built-in admin commands need, as in Koishi.</summary>
    public const int Authority = 4;

    private static readonly string[] FlagNames = ["ignore", "silent"];

    public static CommandDefinition[] Create(CommandTexts texts)
    {
        var channelOption = new OptionDeclaration("channel", ["-c"], CommandValueKind.Channel, takesValue: true, valueName: "channel") { Description = texts.ChannelTargetDescription };
        return
        [
            new CommandDefinition(
                "authorize",
                new CommandSignature(
                    [new ArgumentDeclaration("user", CommandValueKind.User, Required: true), new ArgumentDeclaration("level", CommandValueKind.NaturalNumber, Required: true)],
                    []),
                AuthorizeAsync)
            {
                Usage = "<user> <level>",
                Description = texts.AuthorizeDescription,
                Authority = Authority,
                IsBuiltIn = true,
            },
            new CommandDefinition(
                "channel.assign",
                new CommandSignature([new ArgumentDeclaration("bot", CommandValueKind.User, Required: false)], [channelOption]),
                AssignAsync)
            {
                Parent = "channel",
                Usage = "[bot]",
                Description = texts.ChannelAssignDescription,
                Authority = Authority,
                IsBuiltIn = true,
            },
            new CommandDefinition(
                "channel.flag",
                new CommandSignature(
                    [],
                    [
                        new OptionDeclaration("set", ["-s"], CommandValueKind.String, takesValue: true, valueName: "flag") { Description = texts.ChannelSetFlagDescription },
                        new OptionDeclaration("unset", ["-S"], CommandValueKind.String, takesValue: true, valueName: "flag") { Description = texts.ChannelUnsetFlagDescription },
                        channelOption,
                    ]),
                FlagAsync)
            {
                Parent = "channel",
                Description = texts.ChannelFlagDescription,
                Authority = Authority,
                IsBuiltIn = true,
            },
        ];
    }

    // authorize @user 3: nobody gives an authority as high as their own, or changes someone at least as high.
    private static async ValueTask<Message?> AuthorizeAsync(CommandContext context)
    {
        using var parsed = CommandParser.Parse(context);
        if (await StartAsync(context, parsed) is { } stop)
        {
            return stop;
        }
        var texts = context.Texts;
        var data = context.Table!.Data!;
        var self = context.Session.User!;
        var targetId = parsed.GetArgument(0).Integer;
        var level = parsed.GetArgument(1).Integer;
        if (level > BotData.MaxAuthority)
        {
            return texts.Format(texts.InvalidArgument, "level", texts.Format(texts.ExpectOneOf, "0–" + BotData.MaxAuthority));
        }
        if (level >= self.Authority)
        {
            return texts.LowAuthority;
        }
        var target = targetId == self.Id ? self : await data.GetUserAsync(targetId, cancellationToken: context.CancellationToken).ConfigureAwait(false);
        if (target.Authority >= self.Authority)
        {
            return texts.LowAuthority;
        }
        target.Authority = (int)level;
        await SaveAsync(data.SaveAsync(target, context.CancellationToken)).ConfigureAwait(false);
        return texts.Format(texts.AuthorizeDone, targetId, level);
    }

    // channel.assign [@bot] [-c #group]: the account that answers in the channel; this one by default.
    private static async ValueTask<Message?> AssignAsync(CommandContext context)
    {
        using var parsed = CommandParser.Parse(context);
        if (await StartAsync(context, parsed) is { } stop)
        {
            return stop;
        }
        if (await TargetAsync(context, parsed.GetOption(0)) is not { } channel)
        {
            return context.Texts.ChannelNeeded;
        }
        var bot = parsed.GetArgument(0) is { IsSet: true } given ? given.Integer : context.Session.Bot.SelfId;
        channel.Assignee = bot;
        await SaveAsync(context.Table!.Data!.SaveAsync(channel, context.CancellationToken)).ConfigureAwait(false);
        return context.Texts.Format(context.Texts.ChannelAssignDone, channel.Id, bot);
    }

    // channel.flag [-s flag] [-S flag] [-c #group]: shows the flags after the change.
    private static async ValueTask<Message?> FlagAsync(CommandContext context)
    {
        using var parsed = CommandParser.Parse(context);
        if (await StartAsync(context, parsed) is { } stop)
        {
            return stop;
        }
        var texts = context.Texts;
        if (await TargetAsync(context, parsed.GetOption(2)) is not { } channel)
        {
            return texts.ChannelNeeded;
        }
        var set = parsed.GetOption(0);
        var unset = parsed.GetOption(1);
        if (!TryReadFlag(set, out var add) || !TryReadFlag(unset, out var remove))
        {
            var wrong = TryReadFlag(set, out _) ? unset.Text : set.Text;
            return texts.Format(texts.UnknownFlag, wrong, string.Join(texts.ChoiceSeparator, FlagNames));
        }
        if (add != Data.ChannelFlags.None || remove != Data.ChannelFlags.None)
        {
            channel.Flags = (channel.Flags | add) & ~remove;
            await SaveAsync(context.Table!.Data!.SaveAsync(channel, context.CancellationToken)).ConfigureAwait(false);
        }
        var flags = new List<string>();
        foreach (var name in FlagNames)
        {
            if ((channel.Flags & Parse(name)) != 0)
            {
                flags.Add(name);
            }
        }
        return texts.Format(texts.ChannelFlagsList, channel.Id, flags.Count == 0 ? texts.ChannelFlagsNone : string.Join(texts.ChoiceSeparator, flags));
    }

    private static bool TryReadFlag(CommandValue value, out Data.ChannelFlags flag)
    {
        flag = Data.ChannelFlags.None;
        if (!value.IsSet)
        {
            return true;
        }
        flag = Parse(value.Text.Trim().ToLowerInvariant());
        return flag != Data.ChannelFlags.None;
    }

    private static Data.ChannelFlags Parse(string name) => name switch
    {
        "ignore" => Data.ChannelFlags.Ignore,
        "silent" => Data.ChannelFlags.Silent,
        _ => Data.ChannelFlags.None,
    };

    // Help, parse errors, then the authority check and before-command listeners, as generated commands do.
    private static async ValueTask<Message?> StartAsync(CommandContext context, ParsedCommand parsed)
    {
        if (parsed.HelpRequested)
        {
            return context.Help();
        }
        if (parsed.Error is { } error)
        {
            return CommandReply.FromError(context, error);
        }
        return await CommandFlow.BeforeCommandAsync(context, parsed).ConfigureAwait(false);
    }

    // The channel named with -c, else the one the command was sent in; loaded fresh, as an admin expects to see the truth.
    private static async ValueTask<BotChannel?> TargetAsync(CommandContext context, CommandValue option)
    {
        if (option.IsSet)
        {
            return await context.Table!.Data!.GetChannelAsync(option.Integer, cancellationToken: context.CancellationToken).ConfigureAwait(false);
        }
        return context.Session.Channel;
    }

    private static async Task SaveAsync(Task save)
    {
        try
        {
            await save.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new StoreFailureException(exception);
        }
    }
}
