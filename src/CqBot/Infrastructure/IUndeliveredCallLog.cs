using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// Implemented by a host that summarises API calls of handlers that never reached the implementation
/// (no connection, the connection lost or timed out, the send queue full): such failures come in
/// floods, so the dispatcher logs one line without a stack trace only when <see cref="ShouldLog"/>
/// says so, and the host reports how many more there were. Registered as a service; without one,
/// each gets its line.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IUndeliveredCallLog
{
    /// <summary>True when this failure gets its own line now; false when it is only counted, to be summarised.</summary>
    bool ShouldLog(ApiException exception);
}
