using System.ComponentModel;
using System.Globalization;
using CqBot.Infrastructure;

namespace CqBot;

/// <summary>
/// One event being handled: the event, the bot account that received it, and helpers to answer where
/// it came from.
/// </summary>
public sealed class Session
{
    private string? _content;
    private string? _plainText;

    /// <summary>
    /// The quick operation that middleware or a command asked for beyond a reply (delete, kick, ban,
    /// @-mention the sender…); the dispatcher merges it with the chain's reply.
    /// </summary>
    public QuickOperation? PendingOperation { get; set; }

    /// <summary>Creates a session for an event received by <paramref name="bot"/>.</summary>
    public Session(Event @event, IBot bot, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        Event = @event;
        Bot = bot;
        Services = services;
        CancellationToken = cancellationToken;
    }

    /// <summary>The event.</summary>
    public Event Event { get; }

    /// <summary>The bot account that received the event; call any API through it.</summary>
    public IBot Bot { get; }

    /// <summary>Services of this event's dependency-injection scope.</summary>
    public IServiceProvider Services { get; }

    /// <summary>
    /// Cancelled when the bot shuts down (running handlers first get <c>ShutdownTimeout</c> to finish), or
    /// when the account that received the event loses its last WebSocket connection: nothing could be
    /// sent back then. An account that only posts events over HTTP has no connection to lose.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Set by a host that handles events of one chat one after another: lets the chat's later events
    /// run while this session waits in <see cref="PromptAsync(Message?, TimeSpan?, CancellationToken)"/>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IChatOrdering? ChatOrdering { internal get; init; }

    /// <summary>The dispatcher's prompts and table, set when the dispatcher takes the session.</summary>
    internal Conversations? Conversations { get; set; }

    internal DispatchTable? Table { get; set; }

    /// <summary>Commands that ran for this event and have after-command listeners waiting for the answer to be sent.</summary>
    internal (CommandHooks Hooks, CommandEvent Event)[]? AnsweredCommands { get; set; }

    /// <summary>
    /// The sender as the bot stores them (authority, flags, the plugin fields asked for), attached before
    /// handlers, middleware and commands run; what changes is written back once the message is handled.
    /// Null for events that are not messages, and when the bot has no store.
    /// </summary>
    public BotUser? User { get; internal set; }

    /// <summary>
    /// The group as the bot stores it (flags, assignee, what is turned off, the plugin fields asked for);
    /// null outside groups and when the bot has no store.
    /// </summary>
    public BotChannel? Channel { get; internal set; }

    /// <summary>The message event, or null when the event is not a message.</summary>
    public MessageEvent? MessageEvent => Event as MessageEvent;

    /// <summary>True for a message in a group.</summary>
    public bool IsGroup => Event is GroupMessageEvent;

    /// <summary>True for a private message.</summary>
    public bool IsPrivate => Event is PrivateMessageEvent;

    /// <summary>The sender's QQ number, or 0 when the event has no sender.</summary>
    public long UserId => MessageEvent?.UserId ?? 0;

    /// <summary>The group the event happened in, or null.</summary>
    public long? GroupId => (Event as GroupMessageEvent)?.GroupId;

    /// <summary>
    /// The whole message in CQ-code form, as Koishi's <c>session.content</c> keeps elements:
    /// <c>ban [CQ:at,qq=1] 10m</c>. Text is CQ-escaped (<c>&amp;</c> is <c>&amp;amp;</c>, <c>[</c> and
    /// <c>]</c> are <c>&amp;#91;</c> and <c>&amp;#93;</c>). This is the text commands are parsed from.
    /// Empty for events that are not messages. For the text alone, use <see cref="PlainText"/>.
    /// </summary>
    public string Content => _content ??= MessageEvent?.Message.ToCqCode() ?? "";

    /// <summary>
    /// The message's text segments joined, unescaped, with @-mentions, images and other segments left
    /// out: <c>ban  10m</c> for <c>ban [CQ:at,qq=1] 10m</c>. Empty for events that are not messages.
    /// </summary>
    public string PlainText => _plainText ??= MessageEvent?.Message.GetPlainText() ?? "";

    /// <summary>
    /// Sends <paramref name="question"/> (if any) and waits for the same user's next message in the same
    /// chat, as Koishi's <c>session.prompt</c>. That message goes to this prompt only: it does not run
    /// commands or middleware. Other users of the chat are served meanwhile. Never throws for the usual
    /// endings: the result says whether the user answered, the wait timed out (<paramref name="timeout"/>,
    /// else <see cref="CommandDispatchSettings.PromptTimeout"/>) or was cancelled (shutdown, the account
    /// disconnected, <paramref name="cancellationToken"/>).
    /// </summary>
    public async ValueTask<PromptResult> PromptAsync(Message? question = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var (answer, outcome) = await WaitForAnswerAsync(question, timeout, cancellationToken).ConfigureAwait(false);
        return new PromptResult(outcome, answer);
    }

    /// <summary>
    /// Asks for a value of type <typeparamref name="T"/> (a number, a boolean, a date, or any
    /// <see cref="IParsable{TSelf}"/>), read as a command argument of that type is, and asks again with the
    /// localised error while the answer does not parse, at most <paramref name="maxAttempts"/> times.
    /// </summary>
    public async ValueTask<PromptResult<T>> PromptAsync<T>(Message? question = null, int maxAttempts = 3, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where T : IParsable<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        var kind = KindOf<T>();
        MessageEvent? answer = null;
        for (var attempt = 0; attempt < maxAttempts; attempt++)
        {
            var ask = attempt == 0 ? question : (Message)Texts.Expectation(kind);
            PromptOutcome outcome;
            (answer, outcome) = await WaitForAnswerAsync(ask, timeout, cancellationToken).ConfigureAwait(false);
            if (outcome != PromptOutcome.Answered)
            {
                return new PromptResult<T>(outcome, default!, answer);
            }
            if (TryParse(answer!.Message.GetPlainText().Trim(), kind, out T value))
            {
                return new PromptResult<T>(PromptOutcome.Answered, value, answer);
            }
        }
        return new PromptResult<T>(PromptOutcome.Invalid, default!, answer);
    }

    /// <summary>
    /// Asks for a user, answered as a command's <c>user</c> argument is (an @-mention, <c>@123</c>,
    /// <c>@onebot:123</c>); asks again while the answer is not one, at most <paramref name="maxAttempts"/> times.
    /// </summary>
    public async ValueTask<PromptResult<long>> PromptUserAsync(Message? question = null, int maxAttempts = 3, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        MessageEvent? answer = null;
        for (var attempt = 0; attempt < maxAttempts; attempt++)
        {
            PromptOutcome outcome;
            (answer, outcome) = await WaitForAnswerAsync(attempt == 0 ? question : (Message)Texts.ExpectUser, timeout, cancellationToken).ConfigureAwait(false);
            if (outcome != PromptOutcome.Answered)
            {
                return new PromptResult<long>(outcome, 0, answer);
            }
            if (CommandValueParsers.TryParseUser(answer!.Message.ToCqCode().AsSpan().Trim(), out var user))
            {
                return new PromptResult<long>(PromptOutcome.Answered, user, answer);
            }
        }
        return new PromptResult<long>(PromptOutcome.Invalid, 0, answer);
    }

    private CommandTexts Texts => Table?.Texts ?? CommandTexts.ChineseSimplified;

    private async ValueTask<(MessageEvent? Answer, PromptOutcome Outcome)> WaitForAnswerAsync(Message? question, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (MessageEvent is not { } source)
        {
            throw new InvalidOperationException($"A '{Event.PostType}' event has no user to ask; prompts work in message handlers, commands and middleware.");
        }
        var conversations = Conversations
            ?? throw new InvalidOperationException("This session is not being handled by a dispatcher, so nothing can deliver the answer.");
        // From here on the chat's later events run: the answer must not queue behind this handler.
        ChatOrdering?.Release();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, CancellationToken);
        var time = Services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        // Waiting starts before the question goes out, so no answer can come before the prompt listens.
        var prompt = conversations.Listen(source, ChatOrdering, timeout ?? Table?.Settings.PromptTimeout ?? CommandDispatchSettings.DefaultPromptTimeout, time, stop.Token);
        if (question is { Count: > 0 })
        {
            try
            {
                await SendAsync(question, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await prompt.WaitAsync().ConfigureAwait(false);
                throw;
            }
        }
        var (answer, timedOut) = await prompt.WaitAsync().ConfigureAwait(false);
        return (answer, answer is not null ? PromptOutcome.Answered : timedOut ? PromptOutcome.TimedOut : PromptOutcome.Cancelled);
    }

    private static CommandValueKind KindOf<T>() =>
        typeof(T) == typeof(int) || typeof(T) == typeof(long) || typeof(T) == typeof(short) ? CommandValueKind.Integer
        : typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(decimal) ? CommandValueKind.Number
        : typeof(T) == typeof(bool) ? CommandValueKind.Boolean
        : typeof(T) == typeof(DateTime) || typeof(T) == typeof(DateTimeOffset) ? CommandValueKind.Date
        : CommandValueKind.String;

    // The command parsers first, so an answer reads as the same text would as an argument; then the type's own parser.
    private static bool TryParse<T>(string text, CommandValueKind kind, out T value)
        where T : IParsable<T>
    {
        switch (kind)
        {
            case CommandValueKind.Integer when CommandValueParsers.TryParseInteger(text, out var integer):
                return T.TryParse(integer.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, out value!);
            case CommandValueKind.Number when CommandValueParsers.TryParseNumber(text, out var number):
                return T.TryParse(number.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, out value!);
            case CommandValueKind.Boolean when CommandValueParsers.TryParseBoolean(text, out var flag):
                return T.TryParse(flag ? "true" : "false", CultureInfo.InvariantCulture, out value!);
            case CommandValueKind.Integer or CommandValueKind.Number or CommandValueKind.Boolean:
                value = default!;
                return false;
            default:
                return T.TryParse(text, CultureInfo.InvariantCulture, out value!);
        }
    }

    /// <summary>A service from the event's dependency-injection scope; throws when it is not registered.</summary>
    public T GetRequiredService<T>()
        where T : notnull =>
        Services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException($"A service of type '{typeof(T).FullName}' is needed but not registered. Add it to the builder's Services.");

    /// <summary>Sends a message where the event came from: the group, or the private chat (<c>send_msg</c>).</summary>
    /// <remarks>The message id is not read, so an implementation that answers without one is no failure.</remarks>
    public async ValueTask SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        switch (Event)
        {
            case GroupMessageEvent group:
                await Bot.CallAsync((ApiRequest)new MessageActions.SendMessageRequest(message, MessageType.Group, groupId: group.GroupId), cancellationToken).ConfigureAwait(false);
                break;
            case PrivateMessageEvent direct:
                await Bot.CallAsync((ApiRequest)new MessageActions.SendMessageRequest(message, MessageType.Private, userId: direct.UserId), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"A '{Event.PostType}' event has no chat to reply to; call an API on Session.Bot instead.");
        }
    }
}
