using CqBot.Hosting.Accounts;

namespace CqBot.Hosting.Pipeline;

/// <summary>One event waiting for or going through its handlers.</summary>
internal sealed class EventWork(BotAccount account, Event @event, ChannelKey channel, HttpReplySlot? reply, TaskCompletionSource? done = null)
{
    public BotAccount Account { get; } = account;

    public Event Event { get; } = @event;

    public ChannelKey Channel { get; } = channel;

    /// <summary>The waiting HTTP POST response, for events that came that way.</summary>
    public HttpReplySlot? Reply { get; } = reply;

    /// <summary>Completed when the event's handlers are done and its answer was sent, for in-memory connections.</summary>
    public TaskCompletionSource? Done { get; } = done;
}
