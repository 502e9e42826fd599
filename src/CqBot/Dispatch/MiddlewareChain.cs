namespace CqBot;

/// <summary>
/// One run of the middleware chain for one session. Temporary middleware passed to <see cref="Next"/>
/// is queued and runs after the last middleware of the chain.
/// </summary>
internal sealed class MiddlewareChain
{
    private readonly Middleware[] _steps;
    private readonly Session _session;
    private List<Middleware>? _temporary;
    private int _temporaryIndex;

    public MiddlewareChain(Middleware[] steps, Session session)
    {
        _steps = steps;
        _session = session;
    }

    public ValueTask<Message?> RunAsync() => StepAsync(0);

    private ValueTask<Message?> StepAsync(int index)
    {
        if (index < _steps.Length)
        {
            return _steps[index](_session, temporary =>
            {
                Enqueue(temporary);
                return StepAsync(index + 1);
            });
        }
        if (_temporary is not null && _temporaryIndex < _temporary.Count)
        {
            var temporaryStep = _temporary[_temporaryIndex++];
            return temporaryStep(_session, temporary =>
            {
                Enqueue(temporary);
                return StepAsync(index);
            });
        }
        return ValueTask.FromResult<Message?>(null);
    }

    private void Enqueue(Middleware? temporary)
    {
        if (temporary is not null)
        {
            (_temporary ??= []).Add(temporary);
        }
    }
}
