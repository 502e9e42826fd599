namespace CqBot;

/// <summary>
/// Handles events of one kind, such as <c>request/friend</c> or <c>notice/group_increase</c>. Return
/// a <see cref="QuickOperation"/> to act on the event in its context (approve a request, reply, …),
/// or null to do nothing.
/// </summary>
public delegate ValueTask<QuickOperation?> EventListener(Session session);
