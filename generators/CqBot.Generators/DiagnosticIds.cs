namespace CqBot.Generators;

/// <summary>
/// The ids of the diagnostics about command, handler, plugin and API action declarations. The reading code, shared by the
/// generators and the analyzers, records a problem by id; the analyzers own the descriptors and report them.
/// </summary>
internal static class DiagnosticIds
{
    public const string InvalidDeclaration = "CQB2001";

    public const string UnknownType = "CQB2002";

    public const string ArgumentWithoutParameter = "CQB2003";

    public const string UnsupportedParameterType = "CQB2004";

    public const string TypeNotPartial = "CQB2005";

    public const string UnsupportedReturnType = "CQB2006";

    public const string OptionalArgumentNeedsDefault = "CQB2007";

    public const string InvalidOptionSyntax = "CQB2008";

    public const string OptionWithoutParameter = "CQB2009";

    public const string DuplicateOptionName = "CQB2010";

    public const string DuplicateCommandName = "CQB2011";

    public const string UnsupportedContainingType = "CQB2012";

    public const string UnsupportedCheck = "CQB2013";

    public const string OptionNeedsDefault = "CQB2014";

    public const string AuthorityOutOfRange = "CQB2018";

    public const string NegativeMaxUsage = "CQB2019";

    public const string InvalidMinInterval = "CQB2020";

    public const string UnreachableArgument = "CQB2021";

    public const string RequiredAfterOptional = "CQB2022";

    public const string UnsupportedHandlerReturnType = "CQB2101";

    public const string InvalidMiddlewareSignature = "CQB2102";

    public const string InvalidPluginClass = "CQB2201";

    public const string SecondPluginClass = "CQB2202";

    public const string UnsupportedSetting = "CQB2203";

    public const string InvalidActionMethod = "CQB2301";

    public const string UnsupportedActionParameter = "CQB2302";

    public const string UnsupportedActionReturn = "CQB2303";

    public const string UnsupportedResultProperty = "CQB2304";

    public const string ModeWithResult = "CQB2305";

    public const string DuplicateActionName = "CQB2306";
}
