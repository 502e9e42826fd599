using Microsoft.Extensions.Logging;

namespace CqBot;

/// <summary>
/// The built-in last step of the middleware chain: finds the command a message addresses (prefix,
/// @-mention or nickname, then the name) and runs it. A message that addresses no command goes on
/// to <c>next</c>.
/// </summary>
internal sealed partial class CommandMiddleware(EventDispatcher dispatcher, ILogger logger)
{
    public async ValueTask<Message?> InvokeAsync(Session session, Next next)
    {
        if (session.MessageEvent is not { } message || !TryFindCommand(session, message.Message.ToCqCode(), out var command, out var source, out var start))
        {
            return await next().ConfigureAwait(false);
        }
        var context = new CommandContext(session, command, source, start, dispatcher.Texts) { Dispatcher = dispatcher };
        try
        {
            return await command.Handler(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
        {
            LogCommandFailed(exception, command.Name, session.UserId);
            return dispatcher.Texts.UnknownError;
        }
    }

    private bool TryFindCommand(Session session, string text, out CommandDefinition command, out string source, out int start)
    {
        command = null!;
        source = text;
        start = 0;
        var settings = dispatcher.DispatchSettings;
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
            if (CommandValueParsers.TryParseUser(text[i..(close + 1)], out var target) && target == session.Bot.SelfId)
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
            return false;
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

        var prefixed = false;
        foreach (var prefix in dispatcher.SortedPrefixes)
        {
            if (string.CompareOrdinal(text, i, prefix, 0, prefix.Length) == 0)
            {
                i += prefix.Length;
                prefixed = true;
                break;
            }
        }
        if (!prefixed && !addressed && session.IsGroup)
        {
            return false;
        }

        var nameStart = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        if (i == nameStart)
        {
            return false;
        }
        var commands = dispatcher.Commands;
        if (!commands.TryGet(text[nameStart..i], out command))
        {
            return false;
        }
        // A derived subcommand `a.b` is also reached as `a b` while `a` declares no arguments.
        while (command.Signature.Arguments.Count == 0)
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
        start = i;
        return true;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Command '{Command}' failed for user {UserId}.")]
    private partial void LogCommandFailed(Exception exception, string command, long userId);
}
