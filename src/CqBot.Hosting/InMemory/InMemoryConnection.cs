using CqBot.Hosting.Accounts;
using CqBot.Hosting.Diagnostics;
using CqBot.Hosting.Pipeline;

namespace CqBot.Hosting;

/// <summary>
/// An OneBot implementation in the same process, as a test kit uses one: events it posts take the path
/// of every transport (per-chat ordering, a dependency-injection scope per event, listeners, middleware,
/// commands) and the account's API calls, replies included, go to its <see cref="IApiTransport"/>.
/// Made by <see cref="BotApplication.ConnectInMemory"/>.
/// </summary>
public sealed class InMemoryConnection
{
    private readonly BotAccount _account;
    private readonly EventIngress _ingress;

    internal InMemoryConnection(BotAccount account, EventIngress ingress)
    {
        _account = account;
        _ingress = ingress;
    }

    /// <summary>The account's QQ number.</summary>
    public long SelfId => _account.SelfId;

    /// <summary>The account, as handlers see it.</summary>
    public IBot Bot => _account.Bot;

    /// <summary>
    /// Hands one event (OneBot JSON) to the bot. The returned task completes when the event's handlers
    /// are done and its answer was sent; like every transport, an event waits behind earlier events of
    /// its chat. Throws <see cref="EventParseException"/> for JSON that is not an event, and
    /// <see cref="InvalidOperationException"/> when the bot is shutting down.
    /// </summary>
    public Task PostAsync(ReadOnlyMemory<byte> eventJson)
    {
        var @event = EventParser.Parse(eventJson.Span);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_ingress.Accept(_account, @event, Transports.InMemory, reply: null, done))
        {
            throw new InvalidOperationException("The bot is shutting down and takes no more events.");
        }
        return done.Task;
    }
}
