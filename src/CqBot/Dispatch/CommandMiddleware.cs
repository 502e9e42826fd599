using System.Text;
using CqBot.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CqBot;

/// <summary>
/// The built-in last step of the middleware chain: finds the command a message addresses (shortcut,
/// or prefix / @-mention / nickname, then the name), expands <c>$(…)</c> interpolations, and runs it.
/// A message that addresses no command goes on to <c>next</c>.
/// </summary>
internal sealed partial class CommandMiddleware(DispatchTable table, EventDispatcher dispatcher, ILogger logger)
{
    private const int MaxInterpolationDepth = 8;

    private readonly struct Invocation(CommandDefinition command, string source, int start)
    {
        public CommandDefinition Command { get; } = command;

        public string Source { get; } = source;

        public int Start { get; } = start;
    }

    /// <summary>Where an unknown command name stands in the message, and whether the message addressed the bot.</summary>
    private readonly record struct Miss(int NameStart, int NameEnd, bool Addressed);

    public async ValueTask<Message?> InvokeAsync(Session session, Next next)
    {
        if (session.MessageEvent is null)
        {
            return await next().ConfigureAwait(false);
        }
        var suggestions = dispatcher.Suggestions;
        if (suggestions.HasPending && suggestions.Take(session, Now(session)) is { } confirmed && confirmed.Command.IsAvailable(session))
        {
            return await RunAsync(session, new Invocation(confirmed.Command, confirmed.Source, confirmed.Start), depth: 0).ConfigureAwait(false);
        }
        var content = session.Content;
        if (Resolve(session, content, requirePrefix: true, out var miss) is { } invocation)
        {
            return await RunAsync(session, invocation, depth: 0).ConfigureAwait(false);
        }
        // As in Koishi, the suggestion comes last: only when nothing else in the chain answered.
        var reply = await next().ConfigureAwait(false);
        return reply is null && miss.Addressed ? Suggest(session, content, miss) : reply;
    }

    private Message? Suggest(Session session, string content, Miss miss)
    {
        var names = CommandSuggestions.Find(table.Commands, session, content.AsSpan(miss.NameStart, miss.NameEnd - miss.NameStart), table.Settings.SuggestionDistance);
        if (names.Count == 0)
        {
            return null;
        }
        var texts = table.Texts;
        var quoted = new StringBuilder();
        foreach (var name in names)
        {
            if (quoted.Length > 0)
            {
                quoted.Append(texts.SuggestionSeparator);
            }
            quoted.Append(texts.Format(texts.SuggestionQuote, name));
        }
        var hint = texts.Format(texts.SuggestionHint, quoted.ToString());
        if (names.Count > 1 || !table.Commands.TryGet(names[0], out var command, out var preset))
        {
            return hint;
        }
        // Confirmed, the suggested command runs with the arguments of the original message.
        var rest = content[miss.NameEnd..];
        var pending = string.IsNullOrEmpty(preset)
            ? new CommandSuggestions.Pending(command, names[0] + rest, names[0].Length, default)
            : new CommandSuggestions.Pending(command, preset + rest, 0, default);
        var now = Now(session);
        dispatcher.Suggestions.Offer(session, pending with { Expires = now + table.Settings.SuggestionWindow }, now);
        return hint + texts.SuggestionConfirm;
    }

    private static DateTimeOffset Now(Session session) =>
        (session.Services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System).GetUtcNow();

    private async ValueTask<Message?> RunAsync(Session session, Invocation invocation, int depth)
    {
        var command = invocation.Command;
        // Inactive (one test) unless something listens to command runs.
        var measurement = CommandInstrumentation.Start(command);
        CommandContext? context = null;
        Message? reply;
        try
        {
            var source = invocation.Source;
            var start = invocation.Start;
            if (source.AsSpan(start).Contains("$(", StringComparison.Ordinal) && depth < MaxInterpolationDepth)
            {
                source = await InterpolateAsync(session, source, start, depth).ConfigureAwait(false);
                start = 0;
            }
            context = new CommandContext(session, command, source, start, table.Texts) { Table = table };
            reply = await command.Handler(context).ConfigureAwait(false);
            measurement.Ended(context.Progress);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
        {
            measurement.Failed(exception);
            if (!EventDispatcher.IsUndelivered(exception, out var undelivered))
            {
                LogCommandFailed(exception, command.Name, session.UserId, invocation.Source);
            }
            else if (EventDispatcher.ShouldLogUndelivered(session, undelivered))
            {
                LogCommandCallUndelivered(command.Name, session.UserId, invocation.Source, undelivered.Message);
            }
            dispatcher.RaiseError(session, exception);
            reply = exception is StoreFailureException ? table.Texts.StorageUnavailable : table.Texts.UnknownError;
            if (context?.Event is { Ran: true } failed)
            {
                failed.Exception = exception;
                await dispatcher.RaiseCommandAsync(table.CommandHooks!, failed).ConfigureAwait(false);
            }
            return reply;
        }
        finally
        {
            measurement.Stop();
        }
        // Only a command that got past its before-command listeners ran, and only then is there a command event.
        if (context.Event is { Ran: true } ran)
        {
            ran.Result = reply;
            await dispatcher.RaiseCommandAsync(table.CommandHooks!, ran).ConfigureAwait(false);
        }
        return reply;
    }

    // `$(cmd)` runs cmd and puts its answer in its place; not inside single quotes.
    private async ValueTask<string> InterpolateAsync(Session session, string source, int start, int depth)
    {
        var result = new StringBuilder(source.Length);
        var i = start;
        var tokenStart = true;
        while (i < source.Length)
        {
            var c = source[i];
            if (tokenStart && c == '\'')
            {
                var close = FindQuoteEnd(source, i + 1);
                if (close > 0)
                {
                    result.Append(source, i, close + 1 - i);
                    i = close + 1;
                    continue;
                }
            }
            if (c == '$' && i + 1 < source.Length && source[i + 1] == '(' && FindParenthesisEnd(source, i + 2) is var end and > 0)
            {
                var inner = source[(i + 2)..end];
                var reply = Resolve(session, inner, requirePrefix: false, out _) is { } invocation
                    ? await RunAsync(session, invocation, depth + 1).ConfigureAwait(false)
                    : null;
                result.Append(reply?.ToCqCode());
                i = end + 1;
                tokenStart = false;
                continue;
            }
            result.Append(c);
            tokenStart = char.IsWhiteSpace(c);
            i++;
        }
        return result.ToString();
    }

    private static int FindQuoteEnd(string source, int from)
    {
        for (var j = from; j < source.Length; j++)
        {
            if (source[j] == '\'' && (j + 1 == source.Length || char.IsWhiteSpace(source[j + 1])))
            {
                return j;
            }
        }
        return -1;
    }

    private static int FindParenthesisEnd(string source, int from)
    {
        var depth = 1;
        for (var j = from; j < source.Length; j++)
        {
            if (source[j] == '(')
            {
                depth++;
            }
            else if (source[j] == ')' && --depth == 0)
            {
                return j;
            }
        }
        return -1;
    }

    private Invocation? Resolve(Session session, string text, bool requirePrefix, out Miss miss)
    {
        miss = default;
        var settings = table.Settings;
        var i = SkipSpace(text, 0);

        // Leading @-mentions: the bot's makes the message addressed; anyone else's means it is not for us.
        var addressed = false;
        var mentionedOther = false;
        while (string.CompareOrdinal(text, i, "[CQ:at,", 0, 7) == 0)
        {
            var close = text.IndexOf(']', i);
            if (close < 0)
            {
                break;
            }
            if (CommandValueParsers.TryParseUser(text.AsSpan(i, close + 1 - i), out var target) && target == session.Bot.SelfId)
            {
                addressed = true;
            }
            else
            {
                mentionedOther = true;
            }
            i = SkipSpace(text, close + 1);
        }
        if (mentionedOther && !addressed)
        {
            return null;
        }
        if (!addressed)
        {
            foreach (var nickname in settings.Nicknames)
            {
                var at = text.AsSpan(i).StartsWith('@') ? 1 : 0;
                if (nickname.Length > 0 && string.CompareOrdinal(text, i + at, nickname, 0, nickname.Length) == 0)
                {
                    var after = i + at + nickname.Length;
                    if (after < text.Length && (text[after] is ',' or '，' || char.IsWhiteSpace(text[after])))
                    {
                        addressed = true;
                        i = SkipSpace(text, text[after] is ',' or '，' ? after + 1 : after);
                        break;
                    }
                }
            }
        }

        var commands = table.Commands;
        if (commands.Shortcuts.Count > 0 && MatchShortcut(commands, session, text, i, addressed) is { } shortcut)
        {
            return shortcut;
        }

        var prefixed = !requirePrefix;
        var prefixLength = 0;
        if (requirePrefix)
        {
            foreach (var prefix in table.SortedPrefixes)
            {
                if (string.CompareOrdinal(text, i, prefix, 0, prefix.Length) == 0)
                {
                    i += prefix.Length;
                    prefixed = true;
                    prefixLength = prefix.Length;
                    break;
                }
            }
        }
        if (!prefixed && !addressed && session.IsGroup)
        {
            return null;
        }

        var nameStart = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        if (i == nameStart || !commands.TryGet(text.AsSpan(nameStart, i - nameStart), out var command, out var preset))
        {
            // Only a message that addressed the bot (a prefix that is not empty, the bot's name or
            // @-mention, or a private chat) gets a "did you mean".
            miss = new Miss(nameStart, i, requirePrefix && i > nameStart && (prefixLength > 0 || addressed || !session.IsGroup));
            return null;
        }
        // A derived subcommand `a.b` is also reached as `a b` while `a` declares no arguments.
        while (preset is null && command.Signature.Arguments.Count == 0)
        {
            var next = SkipSpace(text, i);
            var end = next;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }
            if (end == next || !commands.TryGet(command.Name + "." + text[next..end], out var child))
            {
                break;
            }
            command = child;
            i = end;
        }
        // A command of a plugin that is out of scope here, or turned off in this channel, is not there for this message.
        if (!command.IsAvailable(session))
        {
            return null;
        }
        return string.IsNullOrEmpty(preset)
            ? new Invocation(command, text, i)
            : new Invocation(command, preset + text[i..], 0);
    }

    private static Invocation? MatchShortcut(CommandRegistry commands, Session session, string text, int start, bool addressed)
    {
        var message = text.AsSpan(start).Trim();
        foreach (var (shortcut, command) in commands.Shortcuts)
        {
            if (!message.StartsWith(shortcut.Pattern, StringComparison.Ordinal) || (shortcut.RequireAddress && !addressed)
                || !command.IsAvailable(session))
            {
                continue;
            }
            var after = message[shortcut.Pattern.Length..];
            if (after.Length > 0 && (!shortcut.Fuzzy || (!addressed && !char.IsWhiteSpace(after[0]))))
            {
                continue;
            }
            return new Invocation(command, shortcut.Preset + " " + after.ToString(), 0);
        }
        return null;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Command '{Command}' failed for user {UserId} on input '{Input}'.")]
    private partial void LogCommandFailed(Exception exception, string command, long userId, string input);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Command '{Command}' for user {UserId} on input '{Input}' made an API call that could not be delivered: {Reason}")]
    private partial void LogCommandCallUndelivered(string command, long userId, string input, string reason);
}
