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

    /// <summary>
    /// Called each time the session has asked its question and starts waiting for the answer: for a host
    /// that reports when the bot is done with an event (a test kit), the bot is done with it for now.
    /// </summary>
    void WaitingForAnswer()
    {
    }

    /// <summary>
    /// Called when an answer was delivered, before the waiting session resumes: <paramref name="answerHandled"/>
    /// (when not null) is to be completed once the session finishes or waits again, for a host that reports
    /// when the bot is done with the answering event.
    /// </summary>
    void Resuming(TaskCompletionSource? answerHandled)
    {
    }
}
