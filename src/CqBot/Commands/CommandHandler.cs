namespace CqBot;

/// <summary>Runs one command: converts its arguments and calls the handler. Emitted by the generator.</summary>
public delegate ValueTask<Message?> CommandHandler(CommandContext context);
