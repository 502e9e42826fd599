using Microsoft.CodeAnalysis;

namespace CqBot.Analyzers;

/// <summary>Every diagnostic the analyzers report (documented in docs/diagnostics.md). Ids: CQB1xxx middleware, CQB2xxx commands.</summary>
internal static class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor NextResultDiscarded = new(
        "CQB1001",
        "Result of next() is discarded",
        "The middleware calls next() without returning or awaiting its result, so the rest of the chain may not finish and its reply is lost; write 'return await next();'",
        "CqBot.Middleware",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb1001-result-of-next-is-discarded");

    public static readonly DiagnosticDescriptor NextReplyDropped = new(
        "CQB1002",
        "Reply of next() is dropped",
        "The middleware awaits next() but drops its result, so the reply of the rest of the chain (for example a command's answer) is never sent; write 'return await next();'",
        "CqBot.Middleware",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb1002-reply-of-next-is-dropped");

    public static readonly DiagnosticDescriptor MiddlewareNeverCallsNext = new(
        "CQB1003",
        "Middleware never calls next()",
        "This middleware never calls next(), so where it returns null the message stops silently: nothing after it runs, commands included; return await next() where it does not answer",
        "CqBot.Middleware",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb1003-middleware-never-calls-next");

    public static readonly DiagnosticDescriptor CheckNamesNoCommand = new(
        "CQB2015",
        "Check names no command",
        "[Check(\"{0}\")] names no command of '{1}', so it never runs and the command it should guard runs for everyone.{2}",
        "CqBot.Commands",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2015-check-names-no-command");

    public static readonly DiagnosticDescriptor AsyncVoidHandler = new(
        "CQB2016",
        "Handler is async void",
        "'{0}' is an async void [{1}] method: the bot cannot wait for it, so its answer is lost, and an exception in it ends the process instead of being logged; return Task (or Task<string>, Task<Message>…) instead",
        "CqBot.Commands",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2016-handler-is-async-void");

    public static readonly DiagnosticDescriptor BlockingCall = new(
        "CQB2017",
        "Handler blocks on a task",
        "'{0}' blocks on a task with {1}: it holds a thread for the whole wait, and under load every chat waits; make the method async and await it",
        "CqBot.Commands",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2017-handler-blocks-on-a-task");

    public static readonly DiagnosticDescriptor HandlerEventTypeMismatch = new(
        "CQB2103",
        "Handler never runs",
        "'{0}' is an [{1}] handler but takes a {2}, which is not a {3}: it would never run; take a {3} (or a type derived from it), or use the attribute of the {2}'s kind",
        "CqBot.Handlers",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2103-handler-never-runs");

    public static readonly DiagnosticDescriptor UnknownEventName = new(
        "CQB2104",
        "Unknown event type",
        "'{0}' is not a {1} of OneBot v11 or of the common extensions, so the handler may never run.{2}",
        "CqBot.Handlers",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2104-unknown-event-type");

    public static readonly DiagnosticDescriptor InaccessibleHandlerType = new(
        "CQB2023",
        "Handler in an inaccessible type",
        "'{0}' cannot be reached by the generated registration because '{1}' is {2}; make it internal or public",
        "CqBot.Commands",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2023-handler-in-an-inaccessible-type");
}
