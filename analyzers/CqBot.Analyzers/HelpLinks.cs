namespace CqBot.Analyzers;

/// <summary>
/// Where each diagnostic is explained. The generator links this file too, so that both assemblies point
/// at the same page; a descriptor adds the anchor GitHub makes of its heading there.
/// </summary>
internal static class HelpLinks
{
    public const string Diagnostics = "https://github.com/cqbot/cqbot/blob/main/docs/diagnostics.md";
}
