namespace CqBot.Diagnostics;

/// <summary>The tag names and bounded tag values of CqBot's instruments and activities.</summary>
internal static class TagNames
{
    public const string Command = "cqbot.command";
    public const string CommandOutcome = "cqbot.command.outcome";
    public const string ApiAction = "cqbot.api.action";
    public const string ApiOutcome = "cqbot.api.outcome";
    public const string ApiRetCode = "cqbot.api.retcode";
    public const string ErrorType = "error.type";

    /// <summary>The action tag of an action this library does not declare: a name given at run time is not bounded.</summary>
    public const string OtherAction = "other";
}

/// <summary>How a command run ended, as the <c>cqbot.command.outcome</c> tag.</summary>
internal static class CommandOutcomes
{
    public const string Ok = "ok";
    public const string ParseError = "parse_error";
    public const string CheckRefused = "check_refused";
    public const string Refused = "refused";
    public const string Failed = "failed";
}

/// <summary>How an API call ended, as the <c>cqbot.api.outcome</c> tag.</summary>
internal static class ApiOutcomes
{
    public const string Ok = "ok";
    public const string Failed = "failed";
    public const string Network = "network";
    public const string Timeout = "timeout";
    public const string NotAvailable = "not_available";
    public const string HttpError = "http_error";
    public const string Cancelled = "cancelled";
    public const string Error = "error";
}
