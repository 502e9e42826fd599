using Microsoft.CodeAnalysis;

namespace CqBot.Analyzers;

/// <summary>
/// What the declaration analyzers report about <c>[Command]</c>, handler, <c>[Plugin]</c> and
/// <c>[OneBotAction]</c> declarations (documented in docs/diagnostics.md). Ids CQB20xx belong to commands,
/// CQB21xx to handlers, CQB22xx to plugins, CQB23xx to API actions; the reading code shared with the
/// generators records them by <see cref="CqBot.Generators.DiagnosticIds"/>.
/// </summary>
internal static class DeclarationDiagnostics
{
    public static readonly DiagnosticDescriptor InvalidDeclaration = new(
        "CQB2001", "Invalid command declaration",
        "The command declaration '{0}' is not valid: {1}",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2001-invalid-command-declaration");

    public static readonly DiagnosticDescriptor UnknownType = new(
        "CQB2002", "Unknown argument type",
        "Argument or option '{0}' has the unknown type '{1}': use string, text, number, integer, posint, natural, boolean, date, user, channel or image, or leave the type out to take it from the parameter.{2}",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2002-unknown-argument-type");

    public static readonly DiagnosticDescriptor ArgumentWithoutParameter = new(
        "CQB2003", "Argument has no parameter",
        "Argument '{0}' of command '{1}' has no parameter of the same name on method '{2}'.{3}",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2003-argument-has-no-parameter");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = new(
        "CQB2004", "Parameter type cannot hold the argument",
        "Parameter '{0}' has type '{1}', which cannot hold the {2} argument '{3}'{4}",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2004-parameter-type-cannot-hold-the-argument");

    public static readonly DiagnosticDescriptor TypeNotPartial = new(
        "CQB2005", "Command class must be partial",
        "Type '{0}' declares commands and must be declared partial (and not nested in another type)",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2005-command-class-must-be-partial");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        "CQB2006", "Unsupported return type",
        "Command method '{0}' returns '{1}'; return void, string, Message or QuickOperation, or a Task/ValueTask of one",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2006-unsupported-return-type");

    public static readonly DiagnosticDescriptor OptionalArgumentNeedsDefault = new(
        "CQB2007", "Optional argument needs a default",
        "Parameter '{0}' binds to the optional argument '{1}' and must be nullable or have a default value",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2007-optional-argument-needs-a-default");

    public static readonly DiagnosticDescriptor InvalidOptionSyntax = new(
        "CQB2008", "Invalid option declaration",
        "The option '{0}' with syntax '{1}' is not valid: {2}",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2008-invalid-option-declaration");

    public static readonly DiagnosticDescriptor OptionWithoutParameter = new(
        "CQB2009", "Option has no parameter",
        "Option '{0}' of command '{1}' has no parameter of the same name on method '{2}'.{3}",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2009-option-has-no-parameter");

    public static readonly DiagnosticDescriptor DuplicateOptionName = new(
        "CQB2010", "Duplicate option name",
        "The option name '{0}' of command '{1}' is used by two options",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2010-duplicate-option-name");

    public static readonly DiagnosticDescriptor DuplicateCommandName = new(
        "CQB2011", "Duplicate command name",
        "The command name '{0}' is already used by {1}",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2011-duplicate-command-name",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnsupportedContainingType = new(
        "CQB2012", "Command class cannot be generic",
        "Type '{0}' declares commands and must not be generic",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2012-command-class-cannot-be-generic");

    public static readonly DiagnosticDescriptor UnsupportedCheck = new(
        "CQB2013", "Unsupported check method",
        "Check method '{0}' returns '{1}'; return string, Message or bool (or a Task/ValueTask of one): null or true lets the command run",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2013-unsupported-check-method");

    public static readonly DiagnosticDescriptor OptionNeedsDefault = new(
        "CQB2014", "Option needs a default",
        "Parameter '{0}' binds to the option '{1}', which may be left out, and must be nullable or have a default value",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2014-option-needs-a-default");

    public static readonly DiagnosticDescriptor AuthorityOutOfRange = new(
        "CQB2018", "Command authority out of range",
        "Authority {0} is out of range: use 1 (everyone, the default) to 5",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2018-command-authority-out-of-range");

    public static readonly DiagnosticDescriptor NegativeMaxUsage = new(
        "CQB2019", "Negative daily usage limit",
        "MaxUsage {0} is negative: use the number of runs a user may make per day, or 0 (the default) for no limit",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2019-negative-daily-usage-limit");

    public static readonly DiagnosticDescriptor InvalidMinInterval = new(
        "CQB2020", "Invalid least interval",
        "MinInterval '{0}' {1}",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2020-invalid-least-interval");

    public static readonly DiagnosticDescriptor UnreachableArgument = new(
        "CQB2021", "Argument can never be filled",
        "Argument '{0}' of command '{1}' can never be filled: the {3} argument '{2}' before it takes the rest of the input; declare '{0}' before '{2}', or make it an option",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2021-argument-can-never-be-filled");

    public static readonly DiagnosticDescriptor RequiredAfterOptional = new(
        "CQB2022", "Required argument after an optional one",
        "Required argument '{0}' of command '{1}' follows the optional argument '{2}': input fills '{2}' first, so '{2}' can never be left out; declare '{0}' before '{2}', or make it optional too",
        "CqBot.Commands", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2022-required-argument-after-an-optional-one");

    public static readonly DiagnosticDescriptor UnsupportedHandlerReturnType = new(
        "CQB2101", "Unsupported event handler return type",
        "Event handler '{0}' returns '{1}'; return nothing, string, Message or QuickOperation, or a Task/ValueTask of one",
        "CqBot.Handlers", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2101-unsupported-event-handler-return-type");

    public static readonly DiagnosticDescriptor InvalidMiddlewareSignature = new(
        "CQB2102", "Invalid middleware signature",
        "Middleware '{0}' must have the signature 'ValueTask<Message?> {0}(Session session, Next next)' (or return Task<Message?>)",
        "CqBot.Handlers", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2102-invalid-middleware-signature");

    public static readonly DiagnosticDescriptor InvalidPluginClass = new(
        "CQB2201", "Invalid plugin class",
        "Plugin class '{0}' must be a partial, non-static, non-generic class at namespace level, deriving from CqBot.BotPlugin or from nothing",
        "CqBot.Plugins", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2201-invalid-plugin-class");

    public static readonly DiagnosticDescriptor SecondPluginClass = new(
        "CQB2202", "More than one plugin class",
        "Assembly declares plugin class '{0}' besides '{1}'; an assembly's declarations form one plugin, so keep one [Plugin] class per assembly",
        "CqBot.Plugins", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2202-more-than-one-plugin-class",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnsupportedSetting = new(
        "CQB2203", "Unsupported plugin setting type",
        "Setting '{0}' of '{1}' has type '{2}', which plugin settings cannot read; use string, bool, int, long, double, TimeSpan, Uri, an enum, or an array of string or long",
        "CqBot.Plugins", DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpLinks.Diagnostics + "#cqb2203-unsupported-plugin-setting-type");

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
        InvalidDeclaration, UnknownType, ArgumentWithoutParameter, UnsupportedParameterType, TypeNotPartial,
        UnsupportedReturnType, OptionalArgumentNeedsDefault, InvalidOptionSyntax, OptionWithoutParameter, DuplicateOptionName,
        DuplicateCommandName, UnsupportedContainingType, UnsupportedCheck, OptionNeedsDefault, AuthorityOutOfRange,
        NegativeMaxUsage, InvalidMinInterval, UnreachableArgument, RequiredAfterOptional, UnsupportedHandlerReturnType,
        InvalidMiddlewareSignature, InvalidPluginClass, SecondPluginClass, UnsupportedSetting, InvalidActionMethod,
        UnsupportedActionParameter, UnsupportedActionReturn, UnsupportedResultProperty, ModeWithResult, DuplicateActionName,
    ];

    /// <summary>Every descriptor, for <c>SupportedDiagnostics</c>.</summary>
    public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> Supported { get; } = System.Collections.Immutable.ImmutableArray.Create(All);

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
}
