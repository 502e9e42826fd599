using System.Diagnostics.CodeAnalysis;
using CqBot.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CqBot;

public sealed partial class EventDispatcher
{
    /// <summary>
    /// An API call that never reached the implementation (no connection, the connection lost or timed
    /// out, the send queue full): expected under load, so logged as one line without its stack trace
    /// and summarised by the host. An action the implementation refused, or an answer of the wrong
    /// shape, is not: those point at the handler or the implementation.
    /// </summary>
    internal static bool IsUndelivered(Exception exception, [NotNullWhen(true)] out ApiException? undelivered)
    {
        undelivered = exception is ActionFailedException or ApiResponseException ? null : exception as ApiException;
        return undelivered is not null;
    }

    /// <summary>Whether an undelivered call gets its line now: always, unless the host summarises them.</summary>
    internal static bool ShouldLogUndelivered(Session session, ApiException exception) =>
        session.Services.GetService(typeof(IUndeliveredCallLog)) is not IUndeliveredCallLog log || log.ShouldLog(exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "A middleware handling a {PostType} event from user {UserId} made an API call that could not be delivered: {Reason}")]
    private partial void LogMiddlewareCallUndelivered(string postType, long userId, string reason);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "A listener for '{EventName}' events of bot {SelfId} made an API call that could not be delivered: {Reason}")]
    private partial void LogListenerCallUndelivered(string eventName, long selfId, string reason);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "The reply to user {UserId} could not be delivered: {Reason}")]
    private partial void LogReplyUndelivered(long userId, string reason);
}
