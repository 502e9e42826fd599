using System.Collections;

namespace CqBot.Hosting.Configuration;

/// <summary>
/// Maps <c>CQBOT_*</c> environment variables to configuration keys: <c>CQBOT_ACCESS_TOKEN</c> sets
/// <c>CqBot:AccessToken</c>, <c>CQBOT_RATE_LIMIT__ENABLED</c> sets <c>CqBot:RateLimit:Enabled</c>
/// (a double underscore separates sections, a single one is ignored), and <c>CQBOT_URLS</c> sets the
/// listening addresses.
/// </summary>
internal static class CqBotEnvironmentVariables
{
    private const string Prefix = "CQBOT_";

    public static Dictionary<string, string?> Read() => Map(Environment.GetEnvironmentVariables());

    public static Dictionary<string, string?> Map(IDictionary variables)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is not string name || !name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || name.Length == Prefix.Length)
            {
                continue;
            }
            var sections = name[Prefix.Length..].Split("__");
            for (var i = 0; i < sections.Length; i++)
            {
                sections[i] = sections[i].Replace("_", "", StringComparison.Ordinal);
            }
            var key = string.Join(':', sections);
            settings[key.Equals("urls", StringComparison.OrdinalIgnoreCase) ? "urls" : BotOptionsReader.SectionName + ":" + key] = entry.Value as string;
        }
        return settings;
    }
}
