using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>Turns what a command handler returns into the reply; called by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CommandReply
{
    /// <summary>The reply for a parse error, in the bot's language.</summary>
    public static Message FromError(CommandContext context, CommandParseError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Progress = Diagnostics.CommandProgress.ParseError;
        return error.ToText(context.Texts);
    }

    /// <summary>A text reply; null means no reply.</summary>
    public static Message? FromText(string? text) => text is null ? null : (Message)text;

#nullable disable
    // Oblivious parameters: handlers may declare Task<string> or Task<string?> alike.

    /// <summary>Waits for a handler that returns no reply.</summary>
    public static async ValueTask<Message> AwaitNothing(Task task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    /// <summary>Waits for a handler that returns no reply.</summary>
    public static async ValueTask<Message> AwaitNothing(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    /// <summary>Waits for a handler that returns text.</summary>
    public static async ValueTask<Message> AwaitText(Task<string> task) => FromText(await task.ConfigureAwait(false));

    /// <summary>Waits for a handler that returns text.</summary>
    public static async ValueTask<Message> AwaitText(ValueTask<string> task) => FromText(await task.ConfigureAwait(false));

    /// <summary>Waits for a handler that returns a message.</summary>
    public static async ValueTask<Message> AwaitMessage(Task<Message> task) => await task.ConfigureAwait(false);

    /// <summary>Waits for a handler that returns a message.</summary>
    public static ValueTask<Message> AwaitMessage(ValueTask<Message> task) => task;
#nullable restore

    /// <summary>
    /// A command's quick operation: its reply is the command's reply, the rest (delete, kick, ban,
    /// at_sender…) is kept on the session for the dispatcher to carry out.
    /// </summary>
    public static Message? FromOperation(CommandContext context, QuickOperation? operation)
    {
        if (operation is null)
        {
            return null;
        }
        var rest = operation with { Reply = null };
        if (!rest.IsEmpty)
        {
            context.Session.PendingOperation = context.Session.PendingOperation is { } earlier ? earlier.MergeWith(rest) : rest;
        }
        return operation.Reply;
    }

#nullable disable
    /// <summary>Waits for a command that returns a quick operation.</summary>
    public static async ValueTask<Message> AwaitOperation(CommandContext context, Task<QuickOperation> task) =>
        FromOperation(context, await task.ConfigureAwait(false));

    /// <summary>Waits for a command that returns a quick operation.</summary>
    public static async ValueTask<Message> AwaitOperation(CommandContext context, ValueTask<QuickOperation> task) =>
        FromOperation(context, await task.ConfigureAwait(false));
#nullable restore

    /// <summary>The outcome of a check that returns a boolean: true lets the command run, false stops it silently.</summary>
    public static Message? FromCheck(bool allowed) => allowed ? null : Message.Empty;
}
