namespace CqBot.Hosting;

/// <summary>
/// A message was not sent because the account's outbound queue is full: the bot is sending faster
/// than its rate limit (<see cref="SendRateLimitOptions"/>) for too long.
/// </summary>
public sealed class SendQueueFullException(string message) : ApiException(message);
