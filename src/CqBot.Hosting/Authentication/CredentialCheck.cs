namespace CqBot.Hosting.Authentication;

/// <summary>The outcome of checking a token or a signature.</summary>
internal enum CredentialCheck
{
    /// <summary>Valid, or nothing is required.</summary>
    Valid,

    /// <summary>Required but absent: answered with 401.</summary>
    Missing,

    /// <summary>Present but wrong: answered with 403.</summary>
    Wrong,
}
