namespace CqBot;

/// <summary>
/// A step of the message chain. Return <c>await next()</c> to let the rest of the chain run; return a
/// message (or a string) to answer and stop; return null to stop silently.
/// </summary>
public delegate ValueTask<Message?> Middleware(Session session, Next next);

/// <summary>
/// Continues the chain. A middleware passed here runs once, after the rest of the current chain.
/// </summary>
public delegate ValueTask<Message?> Next(Middleware? temporary = null);
