using System.Globalization;

namespace CqBot;

/// <summary>
/// The texts the command runtime sends to users. <see cref="ChineseSimplified"/> is the default;
/// <see cref="English"/> is included; create your own instance (a <c>with</c> copy works) to translate
/// or reword.
/// </summary>
public sealed record CommandTexts
{
    /// <summary>Simplified Chinese (zh-CN), the default.</summary>
    public static CommandTexts ChineseSimplified { get; } = new()
    {
        MissingArgument = "缺少参数 {0}，输入帮助以查看用法。",
        InvalidArgument = "参数 {0} 输入无效，{1}",
        InvalidOption = "选项 {0} 输入无效，{1}",
        TooManyArguments = "存在多余参数，输入帮助以查看用法。",
        UnknownOption = "存在未知选项 {0}，输入帮助以查看用法。",
        MissingOptionValue = "选项 {0} 缺少值，输入帮助以查看用法。",
        UnclosedQuote = "引号未闭合：{0}",
        CheckSyntax = "输入帮助以查看用法。",
        ExpectNumber = "请提供一个数字。",
        ExpectInteger = "请提供一个整数。",
        ExpectPositiveInteger = "请提供一个正整数。",
        ExpectNaturalNumber = "请提供一个非负整数。",
        ExpectBoolean = "请提供一个布尔值。",
        ExpectDate = "请输入合法的时间。",
        ExpectUser = "请指定正确的用户。",
        ExpectChannel = "请指定正确的频道。",
        ExpectImage = "请上传图片。",
        ExpectOneOf = "请输入以下值之一：{0}。",
        ChoiceSeparator = "、",
        HelpArgumentChoices = "参数 {0} 的可选值：{1}",
        HelpOptionChoices = "（可选值：{0}）",
        UnknownError = "发生未知错误。",
        GroupChatOnly = "此指令只能在群聊中使用。",
        PrivateChatOnly = "此指令只能在私聊中使用。",
        HelpTitle = "指令：",
        HelpAliases = "别名：{0}。",
        HelpOptions = "可用的选项有：",
        HelpExamples = "使用示例：",
        HelpSubcommands = "可用的子指令有：",
        HelpCommandDescription = "显示帮助信息",
        HelpShowHiddenDescription = "查看隐藏的选项和指令",
        HelpOptionDescription = "显示此信息",
        CommandNotFound = "指令未找到。",
        CommandListTitle = "当前可用的指令有：",
        CommandListEpilog = "输入“{0}help 指令名”查看特定指令的语法和使用示例。",
        SuggestionHint = "您要找的是不是{0}？",
        SuggestionQuote = "“{0}”",
        SuggestionSeparator = "或",
        SuggestionConfirm = "发送句号以使用推测的指令。",
        LowAuthority = "权限不足。",
        UsageExhausted = "调用次数已达上限。",
        TooFrequent = "调用过于频繁，请在 {0} 秒后再试。",
        StorageUnavailable = "数据服务暂时不可用，请稍后再试。",
        NoStorage = "此机器人没有配置数据存储，无法使用该指令。",
        AuthorizeDescription = "设置用户的权限等级",
        AuthorizeDone = "用户 {0} 的权限已设为 {1}。",
        ChannelDescription = "管理频道",
        ChannelAssignDescription = "设置负责此频道的机器人账号",
        ChannelAssignDone = "频道 {0} 现由账号 {1} 负责。",
        ChannelFlagDescription = "查看或修改频道标记",
        ChannelSetFlagDescription = "添加标记",
        ChannelUnsetFlagDescription = "移除标记",
        ChannelTargetDescription = "指定频道",
        ChannelFlagsList = "频道 {0} 的标记：{1}",
        ChannelFlagsNone = "无",
        ChannelNeeded = "请在群聊中使用，或用 -c 指定频道。",
        UnknownFlag = "未知的标记 {0}，可用的标记有：{1}。",
    };

    /// <summary>English (en-US).</summary>
    public static CommandTexts English { get; } = new()
    {
        MissingArgument = "Missing argument {0}, type help to see usage.",
        InvalidArgument = "Invalid argument {0}, {1}",
        InvalidOption = "Invalid option {0}, {1}",
        TooManyArguments = "Too many arguments, type help to see usage.",
        UnknownOption = "Unknown option {0}, type help to see usage.",
        MissingOptionValue = "Option {0} needs a value, type help to see usage.",
        UnclosedQuote = "Unclosed quote: {0}",
        CheckSyntax = "Type help to see usage.",
        ExpectNumber = "Expect a number.",
        ExpectInteger = "Expect an integer.",
        ExpectPositiveInteger = "Expect a positive integer.",
        ExpectNaturalNumber = "Expect a non-negative integer.",
        ExpectBoolean = "Expect a boolean.",
        ExpectDate = "Expect a valid date.",
        ExpectUser = "Expect a valid user.",
        ExpectChannel = "Expect a valid channel.",
        ExpectImage = "Expect an image.",
        ExpectOneOf = "Expect one of: {0}.",
        ChoiceSeparator = ", ",
        HelpArgumentChoices = "Argument {0} is one of: {1}",
        HelpOptionChoices = " (one of: {0})",
        UnknownError = "An unknown error has occurred.",
        GroupChatOnly = "This command can only be used in a group chat.",
        PrivateChatOnly = "This command can only be used in a private chat.",
        HelpTitle = "Command: ",
        HelpAliases = "Aliases: {0}.",
        HelpOptions = "Available options:",
        HelpExamples = "Examples:",
        HelpSubcommands = "Available subcommands:",
        HelpCommandDescription = "Show help",
        HelpShowHiddenDescription = "show hidden options and commands",
        HelpOptionDescription = "show this message",
        CommandNotFound = "Command not found.",
        CommandListTitle = "Available commands:",
        CommandListEpilog = "Type \"{0}help <command>\" to see syntax and examples for a specific command.",
        SuggestionHint = "Did you mean {0}?",
        SuggestionQuote = "\"{0}\"",
        SuggestionSeparator = " or ",
        SuggestionConfirm = " Send a period to apply the suggestion.",
        LowAuthority = "You are not allowed to use this command.",
        UsageExhausted = "You have used this command as often as allowed today.",
        TooFrequent = "Too often; try again in {0} s.",
        StorageUnavailable = "Storage is unavailable right now; try again later.",
        NoStorage = "This bot keeps no user data, so this command cannot run.",
        AuthorizeDescription = "Set a user's authority",
        AuthorizeDone = "User {0} now has authority {1}.",
        ChannelDescription = "Manage channels",
        ChannelAssignDescription = "Choose the account that answers in a channel",
        ChannelAssignDone = "Channel {0} is now answered by account {1}.",
        ChannelFlagDescription = "Show or change a channel's flags",
        ChannelSetFlagDescription = "add a flag",
        ChannelUnsetFlagDescription = "remove a flag",
        ChannelTargetDescription = "the channel",
        ChannelFlagsList = "Flags of channel {0}: {1}",
        ChannelFlagsNone = "none",
        ChannelNeeded = "Use it in a group, or name the channel with -c.",
        UnknownFlag = "Unknown flag {0}; the flags are: {1}.",
    };

    /// <summary>A required argument is missing; {0} is its name.</summary>
    public required string MissingArgument { get; init; }

    /// <summary>An argument is invalid; {0} is its name, {1} what was expected.</summary>
    public required string InvalidArgument { get; init; }

    /// <summary>An option is invalid; {0} is its name, {1} what was expected.</summary>
    public required string InvalidOption { get; init; }

    /// <summary>More arguments than declared.</summary>
    public required string TooManyArguments { get; init; }

    /// <summary>An option the command does not have; {0} is its name.</summary>
    public required string UnknownOption { get; init; }

    /// <summary>An option was given without its value; {0} is its name.</summary>
    public required string MissingOptionValue { get; init; }

    /// <summary>A quote is never closed; {0} is the text from the quote on.</summary>
    public required string UnclosedQuote { get; init; }

    /// <summary>What a value of a custom type expects.</summary>
    public required string CheckSyntax { get; init; }

    /// <summary>What a <c>number</c> expects.</summary>
    public required string ExpectNumber { get; init; }

    /// <summary>What an <c>integer</c> expects.</summary>
    public required string ExpectInteger { get; init; }

    /// <summary>What a <c>posint</c> expects.</summary>
    public required string ExpectPositiveInteger { get; init; }

    /// <summary>What a <c>natural</c> expects.</summary>
    public required string ExpectNaturalNumber { get; init; }

    /// <summary>What a <c>boolean</c> expects.</summary>
    public required string ExpectBoolean { get; init; }

    /// <summary>What a <c>date</c> expects.</summary>
    public required string ExpectDate { get; init; }

    /// <summary>What a <c>user</c> expects.</summary>
    public required string ExpectUser { get; init; }

    /// <summary>What a <c>channel</c> expects.</summary>
    public required string ExpectChannel { get; init; }

    /// <summary>What an <c>image</c> expects.</summary>
    public required string ExpectImage { get; init; }

    /// <summary>What a value limited to some choices (an enum) expects; {0} is the list.</summary>
    public required string ExpectOneOf { get; init; }

    /// <summary>Between the choices of a list.</summary>
    public required string ChoiceSeparator { get; init; }

    /// <summary>A help line for an argument limited to some choices; {0} is its name, {1} the list.</summary>
    public required string HelpArgumentChoices { get; init; }

    /// <summary>Follows an option limited to some choices in help; {0} is the list.</summary>
    public required string HelpOptionChoices { get; init; }

    /// <summary>Sent when a command handler throws.</summary>
    public required string UnknownError { get; init; }

    /// <summary>Sent when a command that takes a <see cref="GroupMessageEvent"/> is used outside a group.</summary>
    public required string GroupChatOnly { get; init; }

    /// <summary>Sent when a command that takes a <see cref="PrivateMessageEvent"/> is used outside a private chat.</summary>
    public required string PrivateChatOnly { get; init; }

    /// <summary>Starts a command's help, before its name.</summary>
    public required string HelpTitle { get; init; }

    /// <summary>The aliases line of help; {0} is the list.</summary>
    public required string HelpAliases { get; init; }

    /// <summary>Heads the options in help.</summary>
    public required string HelpOptions { get; init; }

    /// <summary>Heads the examples in help.</summary>
    public required string HelpExamples { get; init; }

    /// <summary>Heads the subcommands in help.</summary>
    public required string HelpSubcommands { get; init; }

    /// <summary>The description of the built-in <c>help</c> command.</summary>
    public required string HelpCommandDescription { get; init; }

    /// <summary>The description of <c>help</c>'s <c>-H, --show-hidden</c>.</summary>
    public required string HelpShowHiddenDescription { get; init; }

    /// <summary>The description of every command's hidden <c>-h, --help</c>.</summary>
    public required string HelpOptionDescription { get; init; }

    /// <summary>Sent by <c>help</c> for a name that is no command.</summary>
    public required string CommandNotFound { get; init; }

    /// <summary>Heads the command list.</summary>
    public required string CommandListTitle { get; init; }

    /// <summary>Ends the command list; {0} is the first prefix.</summary>
    public required string CommandListEpilog { get; init; }

    /// <summary>"Did you mean" for an unknown command; {0} is the quoted names, joined by <see cref="SuggestionSeparator"/>.</summary>
    public required string SuggestionHint { get; init; }

    /// <summary>Quotes one suggested name; {0} is the name.</summary>
    public required string SuggestionQuote { get; init; }

    /// <summary>Between suggested names.</summary>
    public required string SuggestionSeparator { get; init; }

    /// <summary>Follows a single suggestion: how to confirm it.</summary>
    public required string SuggestionConfirm { get; init; }

    /// <summary>The user's authority is below the command's; empty to refuse silently.</summary>
    public required string LowAuthority { get; init; }

    /// <summary>The user has used the command as often as allowed today; empty to refuse silently.</summary>
    public required string UsageExhausted { get; init; }

    /// <summary>The user ran the command again too soon; {0} is the seconds left. Empty to refuse silently.</summary>
    public required string TooFrequent { get; init; }

    /// <summary>The store could not be read or written; the message was not handled.</summary>
    public required string StorageUnavailable { get; init; }

    /// <summary>A command needs user data, and the bot has no store.</summary>
    public required string NoStorage { get; init; }

    /// <summary>Describes the built-in <c>authorize</c>.</summary>
    public required string AuthorizeDescription { get; init; }

    /// <summary>Sent by <c>authorize</c>; {0} is the user, {1} the new authority.</summary>
    public required string AuthorizeDone { get; init; }

    /// <summary>Describes the built-in <c>channel</c>.</summary>
    public required string ChannelDescription { get; init; }

    /// <summary>Describes the built-in <c>channel.assign</c>.</summary>
    public required string ChannelAssignDescription { get; init; }

    /// <summary>Sent by <c>channel.assign</c>; {0} is the channel, {1} the account.</summary>
    public required string ChannelAssignDone { get; init; }

    /// <summary>Describes the built-in <c>channel.flag</c>.</summary>
    public required string ChannelFlagDescription { get; init; }

    /// <summary>Describes <c>channel.flag</c>'s <c>-s</c>.</summary>
    public required string ChannelSetFlagDescription { get; init; }

    /// <summary>Describes <c>channel.flag</c>'s <c>-S</c>.</summary>
    public required string ChannelUnsetFlagDescription { get; init; }

    /// <summary>Describes the <c>-c</c> option of the channel commands.</summary>
    public required string ChannelTargetDescription { get; init; }

    /// <summary>Sent by <c>channel.flag</c>; {0} is the channel, {1} its flags.</summary>
    public required string ChannelFlagsList { get; init; }

    /// <summary>Stands for no flags in <see cref="ChannelFlagsList"/>.</summary>
    public required string ChannelFlagsNone { get; init; }

    /// <summary>A channel command used in a private chat without <c>-c</c>.</summary>
    public required string ChannelNeeded { get; init; }

    /// <summary>A flag name that does not exist; {0} is the name, {1} the names that do.</summary>
    public required string UnknownFlag { get; init; }

    // The expectation sentence for a type, as parse errors show it.
    internal string Expectation(CommandValueKind kind) => kind switch
    {
        CommandValueKind.Number => ExpectNumber,
        CommandValueKind.Integer => ExpectInteger,
        CommandValueKind.PositiveInteger => ExpectPositiveInteger,
        CommandValueKind.NaturalNumber => ExpectNaturalNumber,
        CommandValueKind.Boolean => ExpectBoolean,
        CommandValueKind.Date => ExpectDate,
        CommandValueKind.User => ExpectUser,
        CommandValueKind.Channel => ExpectChannel,
        CommandValueKind.Image => ExpectImage,
        _ => CheckSyntax,
    };

    internal string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
