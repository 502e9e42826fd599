using System.Text.Json;
using CqBot.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CqBot;

/// <summary>
/// Takes each incoming event through the bot: the event listeners registered with <see cref="On"/>,
/// then, for messages, the middleware chain (prepended, then user middleware, then the built-in
/// command middleware). What they answer is the event's <see cref="QuickOperation"/>.
/// </summary>
public sealed partial class EventDispatcher
{
    private readonly object _gate = new();
    private readonly ILogger _logger;
    private Middleware[] _prepended = [];
    private Middleware[] _appended = [];
    private Middleware[]? _chain;
    private (string Name, EventListener Listener)[] _listeners = [];

    /// <summary>Creates a dispatcher for the given commands.</summary>
    public EventDispatcher(CommandRegistry commands, ILogger<EventDispatcher>? logger = null)
    {
        Commands = commands;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The commands this bot answers.</summary>
    public CommandRegistry Commands { get; }

    /// <summary>The texts sent for command errors; zh-CN unless changed.</summary>
    public CommandTexts Texts { get; set; } = CommandTexts.ChineseSimplified;

    /// <summary>
    /// Prefixes that mark a command in a group, such as <c>/</c>. When any is set, a group message is a
    /// command only if it starts with one (or with a nickname); private messages need none. Empty
    /// (the default) means every message may be a command.
    /// </summary>
    public IReadOnlyList<string> Prefixes { get; set; } = [];

    /// <summary>
    /// Names the bot answers to. A message that starts with one (then optionally a comma, colon or
    /// space) is addressed to the bot: the name is dropped and no prefix is needed.
    /// </summary>
    public IReadOnlyList<string> Nicknames { get; set; } = [];

    /// <summary>
    /// Adds a middleware after those already added (or before all of them when <paramref name="prepend"/>
    /// is true). Dispose the result to remove it.
    /// </summary>
    public IDisposable Use(Middleware middleware, bool prepend = false)
    {
        lock (_gate)
        {
            if (prepend)
            {
                _prepended = [middleware, .. _prepended];
            }
            else
            {
                _appended = [.. _appended, middleware];
            }
            _chain = null;
        }
        return new Removal(this, middleware);
    }

    /// <summary>
    /// Adds a listener for events named <paramref name="eventName"/>: a post type (<c>notice</c>), or a
    /// post type and its detail type (<c>notice/group_increase</c>, <c>request/friend</c>,
    /// <c>meta_event/heartbeat</c>), optionally followed by the sub-type (<c>request/group/invite</c>).
    /// Listeners run in the order they were added, before the middleware chain; dispose the result to remove one.
    /// </summary>
    public IDisposable On(string eventName, EventListener listener)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners = [.. _listeners, (eventName, listener)];
        }
        return new ListenerRemoval(this, listener);
    }

    /// <summary>
    /// Handles one event: runs its listeners and, for messages, the middleware chain, and returns what
    /// they ask for without carrying it out. A host sends the result as the event's quick operation.
    /// </summary>
    public async ValueTask<QuickOperation?> HandleAsync(Session session)
    {
        QuickOperation? operation = null;
        var listeners = _listeners;
        if (listeners.Length > 0)
        {
            operation = await RunListenersAsync(listeners, session).ConfigureAwait(false);
        }
        if (session.Event is not MessageEvent)
        {
            return operation;
        }
        Message? reply;
        try
        {
            reply = await new MiddlewareChain(GetChain(), session).RunAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
        {
            LogMiddlewareFailed(exception, session.Event.PostType, session.UserId);
            return operation;
        }
        if (reply is not { Count: > 0 })
        {
            return operation;
        }
        return operation is null ? new QuickOperation { Reply = reply } : operation.MergeWith(new QuickOperation { Reply = reply });
    }

    /// <summary>
    /// Handles one event and sends its reply, if any, with <c>send_msg</c>. Other parts of the quick
    /// operation need a host that knows the transport; use <see cref="HandleAsync"/> there.
    /// </summary>
    public async ValueTask DispatchAsync(Session session)
    {
        var operation = await HandleAsync(session).ConfigureAwait(false);
        if (operation?.Reply is { Count: > 0 } reply)
        {
            try
            {
                await session.SendAsync(reply, session.CancellationToken).ConfigureAwait(false);
            }
            catch (ApiException exception)
            {
                LogReplyFailed(exception, session.UserId);
            }
        }
    }

    private async ValueTask<QuickOperation?> RunListenersAsync((string Name, EventListener Listener)[] listeners, Session session)
    {
        var (postType, detailType, subType) = ReadEventName(session.Event);
        QuickOperation? operation = null;
        foreach (var (name, listener) in listeners)
        {
            if (!Matches(name, postType, detailType, subType))
            {
                continue;
            }
            try
            {
                var result = await listener(session).ConfigureAwait(false);
                operation = operation is null ? result : operation.MergeWith(result);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
            {
                LogListenerFailed(exception, name, session.Event.SelfId);
            }
        }
        return operation;
    }

    private static bool Matches(string name, string postType, string detailType, string subType)
    {
        var span = name.AsSpan();
        if (!span.StartsWith(postType, StringComparison.Ordinal))
        {
            return false;
        }
        span = span[postType.Length..];
        if (span.IsEmpty)
        {
            return true;
        }
        if (span[0] != '/' || !span[1..].StartsWith(detailType, StringComparison.Ordinal) || detailType.Length == 0)
        {
            return false;
        }
        span = span[(1 + detailType.Length)..];
        return span.IsEmpty || (span[0] == '/' && subType.Length > 0 && span[1..].SequenceEqual(subType));
    }

    private static (string PostType, string DetailType, string SubType) ReadEventName(Event @event)
    {
        var raw = @event.Raw;
        if (raw.ValueKind != JsonValueKind.Object)
        {
            return (@event.PostType, "", "");
        }
        var detailName = @event.PostType switch
        {
            "message" => "message_type",
            "notice" => "notice_type",
            "request" => "request_type",
            "meta_event" => "meta_event_type",
            _ => "",
        };
        return (@event.PostType, ReadString(raw, detailName), ReadString(raw, "sub_type"));
    }

    private static string ReadString(JsonElement raw, string name) =>
        name.Length > 0 && raw.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private Middleware[] GetChain()
    {
        var chain = _chain;
        if (chain is not null)
        {
            return chain;
        }
        lock (_gate)
        {
            return _chain ??= [.. _prepended, .. _appended, ExecuteCommandAsync];
        }
    }

    private async ValueTask<Message?> ExecuteCommandAsync(Session session, Next next)
    {
        if (!TryReadCommandText(session, out var text))
        {
            return await next().ConfigureAwait(false);
        }
        var tokens = CommandTokenizer.Tokenize(text);
        if (tokens.Count == 0 || !Commands.TryGet(tokens[0], out var command))
        {
            return await next().ConfigureAwait(false);
        }
        tokens.RemoveAt(0);
        var context = new CommandContext(session, command, tokens, Texts);
        try
        {
            return await command.Handler(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
        {
            LogCommandFailed(exception, command.Name, session.UserId);
            return Texts.UnknownError;
        }
    }

    /// <summary>The text after a nickname or prefix, or false when the message is not addressed to the bot as a command.</summary>
    private bool TryReadCommandText(Session session, out string text)
    {
        text = session.Content;
        var prefixes = Prefixes;
        var nicknames = Nicknames;
        if (prefixes.Count == 0 && nicknames.Count == 0)
        {
            return true;
        }
        var rest = text.AsSpan().TrimStart();
        var addressed = session.IsPrivate || prefixes.Count == 0;
        foreach (var nickname in nicknames)
        {
            if (nickname.Length > 0 && rest.StartsWith(nickname, StringComparison.Ordinal))
            {
                rest = rest[nickname.Length..].TrimStart(" ,，:：\t");
                addressed = true;
                break;
            }
        }
        foreach (var prefix in prefixes)
        {
            if (prefix.Length > 0 && rest.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = rest[prefix.Length..].ToString();
                return true;
            }
        }
        text = rest.ToString();
        return addressed;
    }

    private void Remove(Middleware middleware)
    {
        lock (_gate)
        {
            _prepended = Without(_prepended, middleware);
            _appended = Without(_appended, middleware);
            _chain = null;
        }
    }

    private void RemoveListener(EventListener listener)
    {
        lock (_gate)
        {
            var index = Array.FindIndex(_listeners, entry => entry.Listener == listener);
            if (index >= 0)
            {
                _listeners = [.. _listeners[..index], .. _listeners[(index + 1)..]];
            }
        }
    }

    private static Middleware[] Without(Middleware[] items, Middleware middleware)
    {
        var index = Array.IndexOf(items, middleware);
        return index < 0 ? items : [.. items[..index], .. items[(index + 1)..]];
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "A middleware failed while handling a {PostType} event from user {UserId}.")]
    private partial void LogMiddlewareFailed(Exception exception, string postType, long userId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Command '{Command}' failed for user {UserId}.")]
    private partial void LogCommandFailed(Exception exception, string command, long userId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "The reply to user {UserId} could not be sent.")]
    private partial void LogReplyFailed(Exception exception, long userId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "A listener for '{EventName}' events of bot {SelfId} failed.")]
    private partial void LogListenerFailed(Exception exception, string eventName, long selfId);

    private sealed class ListenerRemoval(EventDispatcher owner, EventListener listener) : IDisposable
    {
        public void Dispose() => owner.RemoveListener(listener);
    }

    private sealed class Removal(EventDispatcher owner, Middleware middleware) : IDisposable
    {
        public void Dispose() => owner.Remove(middleware);
    }
}
