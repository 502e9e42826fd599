using CqBot.Analyzers;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

/// <summary>
/// What the generators report when they cannot generate an API action (CQB23xx); the diagnostics about
/// commands, handlers and plugins (CQB20xx, CQB21xx, CQB22xx) come from the analyzers.
/// </summary>
internal static class GeneratorDiagnostics
{
    public static readonly DiagnosticDescriptor InvalidActionMethod = new(
        "CQB2301", "Invalid OneBot action method",
        "Method '{0}' declares an OneBot action and must be a non-generic 'static partial' extension method of IBot without a body ('this IBot bot' first), declared in a 'static partial' top-level class",
        "CqBot.Api", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2301-invalid-onebot-action-method");

    public static readonly DiagnosticDescriptor UnsupportedActionParameter = new(
        "CQB2302", "Unsupported action parameter type",
        "Parameter '{0}' of action method '{1}' has type '{2}', which an action cannot send; use long, int, bool, double, string, an enum, Message, JsonElement, an array or IReadOnlyList of long, int, string or Message, or a nullable form of one (or CancellationToken, ApiCallMode)",
        "CqBot.Api", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2302-unsupported-action-parameter-type");

    public static readonly DiagnosticDescriptor UnsupportedActionReturn = new(
        "CQB2303", "Unsupported action return type",
        "Action method '{0}' returns '{1}'; return Task or ValueTask, or a Task/ValueTask of bool, int, long, double, string, an enum, Message, JsonElement?, a class with public settable properties, or an array or IReadOnlyList of one",
        "CqBot.Api", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2303-unsupported-action-return-type");

    public static readonly DiagnosticDescriptor UnsupportedResultProperty = new(
        "CQB2304", "Unsupported result property type",
        "Property '{0}' of result type '{1}' has type '{2}', which an action result cannot read; use bool, int, long, double, string, an enum, Message, JsonElement, a class with public settable properties, or an array or IReadOnlyList of one, or a nullable form",
        "CqBot.Api", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2304-unsupported-result-property-type");

    public static readonly DiagnosticDescriptor ModeWithResult = new(
        "CQB2305", "ApiCallMode on an action with a result",
        "Parameter '{0}' picks the call mode of '{1}', which returns a result; a queued call (_async, _rate_limited) answers with no data, so return Task or ValueTask",
        "CqBot.Api", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2305-apicallmode-on-an-action-with-a-result");

    public static readonly DiagnosticDescriptor DuplicateActionName = new(
        "CQB2306", "Action methods share a name",
        "Action method '{0}' has the name of another action method of '{1}'; each gets a request class named after it ('{2}'), so give each action its own method name",
        "CqBot.Api", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2306-action-methods-share-a-name");

    private static readonly DiagnosticDescriptor[] All =
    [
        InvalidActionMethod, UnsupportedActionParameter, UnsupportedActionReturn,
        UnsupportedResultProperty, ModeWithResult, DuplicateActionName,
    ];

    public static DiagnosticDescriptor Find(string id)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }
        throw new System.ArgumentException("Unknown diagnostic id " + id, nameof(id));
    }

    /// <summary>The diagnostic of <paramref name="info"/>, at the position it recorded.</summary>
    public static Diagnostic ToDiagnostic(this Model.DiagnosticInfo info) =>
        info.ToDiagnostic(Find(info.Id), info.Location?.ToLocation() ?? Location.None);
}
