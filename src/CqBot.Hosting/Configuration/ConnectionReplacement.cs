namespace CqBot.Hosting;

/// <summary>
/// What happens when a reverse WebSocket of an account arrives while another of the same account is open
/// and would do the same work: the same role, or a universal one beside an API or event one.
/// </summary>
public enum ConnectionReplacement
{
    /// <summary>
    /// The new connection takes over: the older one of the same role is closed, and a universal one
    /// carries the API calls from then on. Each replacement is logged as a warning.
    /// </summary>
    NewestWins,

    /// <summary>
    /// The open connection keeps its place: the new one is refused with 409 at the handshake while the
    /// older one is open. It may connect once the older one has closed.
    /// </summary>
    FirstWinsWhileAlive,
}
