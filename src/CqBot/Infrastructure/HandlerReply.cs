using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>Turns what an event handler returns into the event's quick operation; called by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandlerReply
{
    /// <summary>A text reply; null means nothing.</summary>
    public static QuickOperation? FromText(string? text) => text is null ? null : new QuickOperation { Reply = text };

    /// <summary>A message reply; null or empty means nothing.</summary>
    public static QuickOperation? FromMessage(Message? message) => message is { Count: > 0 } ? new QuickOperation { Reply = message } : null;

#nullable disable
    // Oblivious parameters: handlers may declare Task<string> or Task<string?> alike.

    /// <summary>Waits for a handler that returns nothing.</summary>
    public static async ValueTask<QuickOperation> AwaitNothing(Task task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    /// <summary>Waits for a handler that returns nothing.</summary>
    public static async ValueTask<QuickOperation> AwaitNothing(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    /// <summary>Waits for a handler that returns text.</summary>
    public static async ValueTask<QuickOperation> AwaitText(Task<string> task) => FromText(await task.ConfigureAwait(false));

    /// <summary>Waits for a handler that returns text.</summary>
    public static async ValueTask<QuickOperation> AwaitText(ValueTask<string> task) => FromText(await task.ConfigureAwait(false));

    /// <summary>Waits for a handler that returns a message.</summary>
    public static async ValueTask<QuickOperation> AwaitMessage(Task<Message> task) => FromMessage(await task.ConfigureAwait(false));

    /// <summary>Waits for a handler that returns a message.</summary>
    public static async ValueTask<QuickOperation> AwaitMessage(ValueTask<Message> task) => FromMessage(await task.ConfigureAwait(false));

    /// <summary>Waits for a handler that returns a quick operation.</summary>
    public static async ValueTask<QuickOperation> AwaitOperation(Task<QuickOperation> task) => await task.ConfigureAwait(false);

    /// <summary>Waits for a handler that returns a quick operation.</summary>
    public static ValueTask<QuickOperation> AwaitOperation(ValueTask<QuickOperation> task) => task;
#nullable restore
}
