namespace CqBot.Diagnostics;

/// <summary>
/// How far a command's flow got, noted by the steps generated handlers call (parse, parse error, checks,
/// limits, before-command listeners) so that the middleware can tell how the run ended.
/// </summary>
internal enum CommandProgress
{
    /// <summary>The handler does not use the generated flow (a hand-written <see cref="CommandHandler"/>): it ran.</summary>
    NotParsed,

    /// <summary>Parsed, but stopped before the before-command step: one of its checks refused.</summary>
    Parsed,

    /// <summary>The arguments did not parse.</summary>
    ParseError,

    /// <summary>The command's authority or usage limits refused it.</summary>
    Refused,

    /// <summary>A before-command listener stopped it.</summary>
    CheckRefused,

    /// <summary>The command's method ran (or its help was shown).</summary>
    Ran,
}
