using System.Globalization;
using CqBot.Data;
using Microsoft.Extensions.Logging;

namespace CqBot;

public sealed partial class EventDispatcher
{
    private AttachListenerEntry[] _attachListeners = [];
    private BotData? _data;

    /// <summary>
    /// The users and channels the dispatcher attaches to message sessions (<see cref="Session.User"/>,
    /// <see cref="Session.Channel"/>), and with them the built-in <c>authorize</c>, <c>channel.assign</c>
    /// and <c>channel.flag</c> commands and the authority and usage checks of commands. Null (the
    /// default) for a bot that stores nothing. A change applies to the next event.
    /// </summary>
    public BotData? Data
    {
        get => Table.Data;
        set
        {
            lock (_gate)
            {
                _data = value;
                Publish();
            }
        }
    }

    /// <inheritdoc />
    public IDisposable OnBeforeAttachChannel(Action<Session, FieldRequest> listener) => OnBeforeAttach(AttachStage.BeforeChannel, listener, owner: null);

    /// <inheritdoc />
    public IDisposable OnAttachChannel(Func<Session, BotChannel, ValueTask<Message?>> listener) => OnAttachChannel(listener, owner: null);

    /// <inheritdoc />
    public IDisposable OnBeforeAttachUser(Action<Session, FieldRequest> listener) => OnBeforeAttach(AttachStage.BeforeUser, listener, owner: null);

    /// <inheritdoc />
    public IDisposable OnAttachUser(Func<Session, BotUser, ValueTask<Message?>> listener) => OnAttachUser(listener, owner: null);

    internal IDisposable OnBeforeAttach(AttachStage stage, Action<Session, FieldRequest> listener, PluginHandle? owner)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return Add(new AttachListenerEntry(stage, listener, null, null, owner));
    }

    internal IDisposable OnAttachChannel(Func<Session, BotChannel, ValueTask<Message?>> listener, PluginHandle? owner)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return Add(new AttachListenerEntry(AttachStage.Channel, null, listener, null, owner));
    }

    internal IDisposable OnAttachUser(Func<Session, BotUser, ValueTask<Message?>> listener, PluginHandle? owner)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return Add(new AttachListenerEntry(AttachStage.User, null, null, listener, owner));
    }

    private Registration Add(AttachListenerEntry entry)
    {
        lock (_gate)
        {
            _attachListeners = [.. _attachListeners, entry];
            Publish();
        }
        return new Registration(this, entry);
    }

    /// <summary>
    /// Handles a message with its channel and user attached: the attach stages, then the listeners and
    /// chain, then the write-back of what changed, before the answer goes out. A store that fails
    /// answers the message with <see cref="CommandTexts.StorageUnavailable"/>.
    /// </summary>
    private async ValueTask<QuickOperation?> HandleAttachedAsync(BotData data, DispatchTable table, Session session, MessageEvent message)
    {
        bool proceed;
        Message? stop;
        try
        {
            (proceed, stop) = await AttachAsync(data, table, session, message).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception, session))
        {
            LogStoreFailed(exception, message.UserId, session.GroupId?.ToString(CultureInfo.InvariantCulture) ?? "a private chat");
            return Unavailable(table);
        }
        var operation = proceed
            ? await HandleCoreAsync(table, session).ConfigureAwait(false)
            : stop is { Count: > 0 } ? new QuickOperation { Reply = stop } : null;
        if (session.User is null && session.Channel is null)
        {
            return operation;
        }
        try
        {
            await data.CommitAsync(session.User, session.Channel).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception, session))
        {
            // The changes are not kept, so what the message would have answered is not true: say so instead.
            LogStoreFailed(exception, message.UserId, session.GroupId?.ToString(CultureInfo.InvariantCulture) ?? "a private chat");
            return Unavailable(table);
        }
        return operation;
    }

    private static QuickOperation? Unavailable(DispatchTable table) =>
        table.Texts.StorageUnavailable.Length > 0 ? new QuickOperation { Reply = table.Texts.StorageUnavailable } : null;

    private static bool IsStoreFailure(Exception exception, Session session) =>
        exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested;

    // The order of Koishi's seeds: channel fields asked for, channel loaded, skipped for its flags or
    // assignee, attach-channel; then the same for the user.
    private async ValueTask<(bool Proceed, Message? Stop)> AttachAsync(BotData data, DispatchTable table, Session session, MessageEvent message)
    {
        var hooks = table.AttachHooks;
        var selfId = session.Bot.SelfId;
        if (message is GroupMessageEvent group)
        {
            var channelFields = hooks is null ? [] : hooks.Collect(hooks.BeforeChannel, session);
            var channel = await data.GetChannelAsync(group.GroupId, selfId, channelFields, session.CancellationToken).ConfigureAwait(false);
            if ((channel.Flags & (ChannelFlags.Ignore | ChannelFlags.Silent)) != 0
                || (channel.Assignee is var assignee && assignee != 0 && assignee != selfId && !Mentions(message.Message, selfId)))
            {
                return (false, null);
            }
            session.Channel = channel;
            if (hooks is not null)
            {
                foreach (var entry in hooks.Channel)
                {
                    if (entry.Allows(session) && await RunListenerAsync(entry, table, session).ConfigureAwait(false) is { } stop)
                    {
                        return (false, stop);
                    }
                }
            }
        }
        var userFields = hooks is null ? [] : hooks.Collect(hooks.BeforeUser, session);
        var user = await data.GetUserAsync(message.UserId, userFields, session.CancellationToken).ConfigureAwait(false);
        if (user.IsIgnored)
        {
            return (false, null);
        }
        session.User = user;
        if (hooks is not null)
        {
            foreach (var entry in hooks.User)
            {
                if (entry.Allows(session) && await RunListenerAsync(entry, table, session).ConfigureAwait(false) is { } stop)
                {
                    return (false, stop);
                }
            }
        }
        return (true, null);
    }

    // A listener that throws stops the message with the unknown-error text, as a failing command does; it is not a store failure.
    private async ValueTask<Message?> RunListenerAsync(AttachListenerEntry entry, DispatchTable table, Session session)
    {
        try
        {
            return entry.ChannelListener is { } channelListener
                ? await channelListener(session, session.Channel!).ConfigureAwait(false)
                : await entry.UserListener!(session, session.User!).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !session.CancellationToken.IsCancellationRequested)
        {
            LogAttachListenerFailed(exception, entry.Stage == AttachStage.Channel ? "attach-channel" : "attach-user");
            RaiseError(session, exception);
            return table.Texts.UnknownError;
        }
    }

    private static bool Mentions(Message message, long selfId)
    {
        var self = selfId.ToString(CultureInfo.InvariantCulture);
        foreach (var segment in message)
        {
            if (segment.Type == SegmentTypes.At && segment["qq"] == self)
            {
                return true;
            }
        }
        return false;
    }

    private AttachHooks? BuildAttachHooks() => _attachListeners.Length == 0 ? null : new AttachHooks(_attachListeners);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Error, Message = "A listener of the {Stage} stage failed; the message was answered with the unknown-error text.")]
    private partial void LogAttachListenerFailed(Exception exception, string stage);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "The store failed while handling a message from user {UserId} in {Chat}; the message was answered with the storage error.")]
    private partial void LogStoreFailed(Exception exception, long userId, string chat);
}

internal enum AttachStage
{
    BeforeChannel,
    Channel,
    BeforeUser,
    User,
}

/// <summary>An attach-stage listener as the dispatcher keeps it.</summary>
internal sealed class AttachListenerEntry(
    AttachStage stage,
    Action<Session, FieldRequest>? fieldListener,
    Func<Session, BotChannel, ValueTask<Message?>>? channelListener,
    Func<Session, BotUser, ValueTask<Message?>>? userListener,
    PluginHandle? owner)
{
    public AttachStage Stage { get; } = stage;

    public Action<Session, FieldRequest>? FieldListener { get; } = fieldListener;

    public Func<Session, BotChannel, ValueTask<Message?>>? ChannelListener { get; } = channelListener;

    public Func<Session, BotUser, ValueTask<Message?>>? UserListener { get; } = userListener;

    public PluginHandle? Owner { get; } = owner;

    public bool Allows(Session session) => Owner is not { } owner || owner.Allows(session.Event);
}

/// <summary>The attach-stage listeners of one dispatch table, by stage; null on the table when there are none.</summary>
internal sealed class AttachHooks
{
    public AttachHooks(AttachListenerEntry[] entries)
    {
        BeforeChannel = Select(entries, AttachStage.BeforeChannel);
        Channel = Select(entries, AttachStage.Channel);
        BeforeUser = Select(entries, AttachStage.BeforeUser);
        User = Select(entries, AttachStage.User);
    }

    public AttachListenerEntry[] BeforeChannel { get; }

    public AttachListenerEntry[] Channel { get; }

    public AttachListenerEntry[] BeforeUser { get; }

    public AttachListenerEntry[] User { get; }

    /// <summary>The fields the before-attach listeners ask for.</summary>
    public IReadOnlyList<string> Collect(AttachListenerEntry[] listeners, Session session)
    {
        if (listeners.Length == 0)
        {
            return [];
        }
        var request = new FieldRequest();
        foreach (var entry in listeners)
        {
            if (entry.Allows(session))
            {
                entry.FieldListener!(session, request);
            }
        }
        return request.Names;
    }

    private static AttachListenerEntry[] Select(AttachListenerEntry[] entries, AttachStage stage) => Array.FindAll(entries, entry => entry.Stage == stage);
}
