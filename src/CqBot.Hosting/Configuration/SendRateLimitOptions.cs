namespace CqBot.Hosting;

/// <summary>
/// Limits on outgoing messages (<c>send_msg</c>, <c>send_group_msg</c>, …), per account and per group,
/// so that a busy bot is not throttled or banned by QQ. Messages over the limit wait in a bounded queue.
/// A reply in an HTTP POST response counts too: it goes in the response only when it may go at once;
/// otherwise the response is 204 and the reply goes through the API, waiting its turn. An account
/// without an API waits up to <see cref="BotOptions.QuickOperationWindow"/> and then drops the reply.
/// </summary>
public sealed class SendRateLimitOptions
{
    /// <summary>Whether messages are limited at all; true unless changed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many messages an account may send at once before the rate applies; 5 unless changed.</summary>
    public double AccountBurst { get; set; } = 5;

    /// <summary>Messages per second an account sends in the long run; 2 unless changed.</summary>
    public double AccountPerSecond { get; set; } = 2;

    /// <summary>How many messages one group may get at once before the rate applies; 3 unless changed.</summary>
    public double GroupBurst { get; set; } = 3;

    /// <summary>Messages per second one group gets in the long run; 1 unless changed.</summary>
    public double GroupPerSecond { get; set; } = 1;

    /// <summary>
    /// How many messages of one account may wait; one more fails at once with
    /// <see cref="SendQueueFullException"/>. 100 unless changed.
    /// </summary>
    public int QueueLimit { get; set; } = 100;
}
