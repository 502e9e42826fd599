using System.Threading.Channels;

namespace CqBot.Testing;

/// <summary>
/// Receives the bot's API calls: records them, answers those the responder scripts, and queues the
/// rest for the test to answer by hand.
/// </summary>
internal sealed class ApiCallInbox
{
    private readonly Channel<ApiCall> _unanswered = Channel.CreateUnbounded<ApiCall>();
    private readonly List<ApiCall> _recorded = [];
    private readonly bool _record;

    public ApiCallInbox(bool record) => _record = record;

    public Func<ApiCall, ApiReply?>? Responder { get; set; }

    public IReadOnlyList<ApiCall> Recorded
    {
        get
        {
            lock (_recorded)
            {
                return [.. _recorded];
            }
        }
    }

    /// <summary>Records a call; returns the scripted reply, or null when the test answers it by hand.</summary>
    public ApiReply? Accept(ApiCall call)
    {
        if (_record)
        {
            lock (_recorded)
            {
                _recorded.Add(call);
            }
        }
        var reply = Responder?.Invoke(call);
        if (reply is null)
        {
            _unanswered.Writer.TryWrite(call);
        }
        return reply;
    }

    public async Task<ApiCall> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await _unanswered.Reader.ReadAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot made no API call within {timeout.TotalSeconds:0.###} s.");
        }
    }

    /// <summary>True when an unanswered call arrives within <paramref name="timeout"/>; for asserting that nothing is called.</summary>
    public async Task<bool> AnyWithinAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await _unanswered.Reader.WaitToReadAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
