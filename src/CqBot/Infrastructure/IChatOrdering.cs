using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// Implemented by a host that handles the events of one chat one after another: lets a session that
/// waits for a user's answer release the chat, so that its later events (the answer among them) run.
/// Called by <see cref="Session"/>; bot authors use <see cref="Session.PromptAsync(Message?, TimeSpan?, CancellationToken)"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IChatOrdering
{
    /// <summary>Lets the chat's later events run without waiting for this one; calling it again does nothing.</summary>
    void Release();
}
