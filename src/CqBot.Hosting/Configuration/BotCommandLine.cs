using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;

namespace CqBot.Hosting.Configuration;

/// <summary>
/// The bot's command line, parsed with System.CommandLine into configuration keys that override
/// appsettings.json and environment variables.
/// </summary>
internal sealed class BotCommandLine
{
    private readonly RootCommand _root = new("A CqBot bot: serves OneBot v11 implementations over HTTP POST and reverse WebSocket, and connects to their HTTP API or forward WebSocket.");
    private readonly Option<string> _urls = new("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:8080 (several separated by ';').", HelpName = "urls" };
    private readonly Option<string> _accessToken = new("--access-token") { Description = "The OneBot access token, checked on incoming connections and sent on outgoing ones.", HelpName = "token" };
    private readonly Option<string> _secret = new("--secret") { Description = "The HTTP POST secret; posted events must carry a matching X-Signature.", HelpName = "secret" };
    private readonly Option<string> _apiRoot = new("--api-root") { Description = "The implementation's HTTP API, e.g. http://127.0.0.1:5700/.", HelpName = "url" };
    private readonly Option<string[]> _forward = new("--ws-url") { Description = "Connect to an implementation's forward WebSocket (repeatable).", HelpName = "url" };
    private readonly Option<string[]> _prefix = new("--prefix") { Description = "A command prefix such as / (repeatable).", HelpName = "prefix" };
    private readonly Option<string[]> _nickname = new("--nickname") { Description = "A name the bot answers to (repeatable).", HelpName = "name" };
    private readonly Option<long?> _maxBodySize = new("--max-body-size") { Description = "The largest HTTP POST body or WebSocket message in bytes (default 16 MiB).", HelpName = "bytes" };
    private readonly Option<double?> _apiTimeout = new("--api-timeout") { Description = "Seconds an API call waits for its response (default 60).", HelpName = "seconds" };
    private readonly Option<bool> _noRateLimit = new("--no-rate-limit") { Description = "Send messages without the outbound rate limit." };
    private readonly Option<string> _environment = new("--environment") { Description = "The hosting environment, e.g. Development (picks appsettings.<environment>.json).", HelpName = "name" };
    private readonly Command _sandbox = new("sandbox", "Chat with the bot in this terminal, with no OneBot implementation: type messages as a user, see the replies and the API calls. Nothing listens on the network; users are kept in memory unless CqBot:Storage:Provider is set.");

    public BotCommandLine()
    {
        foreach (var option in (ReadOnlySpan<Option>)[_urls, _accessToken, _secret, _apiRoot, _forward, _prefix, _nickname, _maxBodySize, _apiTimeout, _noRateLimit, _environment])
        {
            // Recursive, so that `sandbox --prefix /` works as well as `--prefix / sandbox`.
            option.Recursive = true;
            _root.Options.Add(option);
        }
        _root.Subcommands.Add(_sandbox);
        // Running the bot needs no verb; these actions are never invoked, they only make the verb optional.
        _root.SetAction(static _ => 0);
        _sandbox.SetAction(static _ => 0);
    }

    /// <summary>
    /// Parses <paramref name="args"/>. Returns null when the arguments asked for help or the version,
    /// which has then been written to <paramref name="output"/>; throws <see cref="BotConfigurationException"/>
    /// on a bad argument.
    /// </summary>
    public CommandLineSettings? Parse(string[] args, TextWriter output)
    {
        var result = _root.Parse(args);
        if (result.Errors.Count > 0)
        {
            throw new BotConfigurationException(result.Errors[0].Message + " Run with --help to see the options.");
        }
        if (result.Action is HelpAction || IsVersion(result))
        {
            result.Invoke(new InvocationConfiguration { Output = output, Error = output });
            return null;
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Set(settings, "urls", result.GetValue(_urls));
        Set(settings, "CqBot:AccessToken", result.GetValue(_accessToken));
        Set(settings, "CqBot:Secret", result.GetValue(_secret));
        Set(settings, "CqBot:ApiRoot", result.GetValue(_apiRoot));
        SetList(settings, "CqBot:ForwardWebSockets", result.GetValue(_forward));
        SetList(settings, "CqBot:Prefixes", result.GetValue(_prefix));
        SetList(settings, "CqBot:Nicknames", result.GetValue(_nickname));
        Set(settings, "CqBot:MaxBodySize", result.GetValue(_maxBodySize)?.ToString(CultureInfo.InvariantCulture));
        Set(settings, "CqBot:ApiTimeout", result.GetValue(_apiTimeout)?.ToString(CultureInfo.InvariantCulture));
        if (result.GetValue(_noRateLimit))
        {
            settings["CqBot:RateLimit:Enabled"] = "false";
        }
        return new CommandLineSettings(settings, result.GetValue(_environment)) { Sandbox = result.CommandResult.Command == _sandbox };
    }

    private static bool IsVersion(ParseResult result)
    {
        foreach (var option in result.RootCommandResult.Command.Options)
        {
            if (option is VersionOption && result.GetResult(option) is not null)
            {
                return true;
            }
        }
        return false;
    }

    private static void Set(Dictionary<string, string?> settings, string key, string? value)
    {
        if (value is not null)
        {
            settings[key] = value;
        }
    }

    private static void SetList(Dictionary<string, string?> settings, string key, string[]? values)
    {
        for (var i = 0; values is not null && i < values.Length; i++)
        {
            settings[key + ":" + i.ToString(CultureInfo.InvariantCulture)] = values[i];
        }
    }
}

/// <summary>Configuration keys from the command line, and the environment name if one was given.</summary>
internal sealed record CommandLineSettings(Dictionary<string, string?> Settings, string? Environment)
{
    /// <summary>Whether the <c>sandbox</c> verb was given: chat with the bot in the terminal instead of serving.</summary>
    public bool Sandbox { get; init; }
}
