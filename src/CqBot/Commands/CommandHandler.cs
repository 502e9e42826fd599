using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// Runs one command: converts its arguments and calls the command's method. Generated code provides one
/// for each <see cref="CommandAttribute"/> method.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate ValueTask<Message?> CommandHandler(CommandContext context);
