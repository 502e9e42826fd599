using CqBot.Hosting;
using CqBot.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace CqBot.Tests.Hosting;

public sealed class ConfigurationTests
{
    private static BotOptions Read(params string[] args)
    {
        var settings = new BotCommandLine().Parse(args, TextWriter.Null)!;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Settings).Build();
        return BotOptionsReader.Read(configuration);
    }

    [Fact]
    public void CommandLine_AllOptions_ReachTheOptions()
    {
        var options = Read("--access-token", "t", "--secret", "s", "--api-root", "http://127.0.0.1:5700", "--prefix", "/", "--prefix", "!",
            "--nickname", "骰娘", "--ws-url", "ws://127.0.0.1:6700/", "--max-body-size", "2048", "--api-timeout", "2.5", "--no-rate-limit");

        Assert.Equal("t", options.AccessToken);
        Assert.Equal("s", options.Secret);
        Assert.Equal(new Uri("http://127.0.0.1:5700"), options.ApiRoot);
        Assert.Equal(["/", "!"], options.Prefixes);
        Assert.Equal(["骰娘"], options.Nicknames);
        Assert.Equal(new Uri("ws://127.0.0.1:6700/"), Assert.Single(options.ForwardWebSockets).Url);
        Assert.Equal(2048, options.MaxBodySize);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.ApiTimeout);
        Assert.False(options.RateLimit.Enabled);
    }

    [Fact]
    public void Defaults_WithoutSettings_AreConservative()
    {
        var options = Read();

        Assert.Equal(16 * 1024 * 1024, options.MaxBodySize);
        Assert.True(options.RateLimit.Enabled);
        Assert.Null(options.AccessToken);
        Assert.Empty(options.ForwardWebSockets);
    }

    [Fact]
    public void CommandLine_UnknownOption_ThrowsNamingIt()
    {
        var error = Assert.Throws<BotConfigurationException>(() => new BotCommandLine().Parse(["--api-rot", "x"], TextWriter.Null));
        Assert.Contains("--api-rot", error.Message);
    }

    [Fact]
    public void CommandLine_Help_WritesUsageAndReturnsNull()
    {
        var output = new StringWriter();
        Assert.Null(new BotCommandLine().Parse(["--help"], output));
        Assert.Contains("--secret", output.ToString());
    }

    [Theory]
    [InlineData("--api-root", "ftp://x/", "CqBot:ApiRoot")]
    [InlineData("--ws-url", "http://x/", "CqBot:ForwardWebSockets:0")]
    [InlineData("--max-body-size", "10", "CqBot:MaxBodySize")]
    [InlineData("--api-timeout", "0", "CqBot:ApiTimeout")]
    public void BadValue_Throws_NamingTheSetting(string option, string value, string setting)
    {
        var error = Assert.Throws<BotConfigurationException>(() => Read(option, value));
        Assert.Contains(setting, error.Message);
    }

    [Fact]
    public void EnvironmentVariables_CqBotPrefix_MapToSettings()
    {
        var settings = CqBotEnvironmentVariables.Map(new Dictionary<string, string>
        {
            ["CQBOT_ACCESS_TOKEN"] = "env-token",
            ["CQBOT_RATE_LIMIT__ENABLED"] = "false",
            ["CQBOT_URLS"] = "http://127.0.0.1:9000",
            ["OTHER"] = "x",
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = BotOptionsReader.Read(configuration);

        Assert.Equal("env-token", options.AccessToken);
        Assert.False(options.RateLimit.Enabled);
        Assert.Equal("http://127.0.0.1:9000", configuration["urls"]);
        Assert.Equal(3, settings.Count);
    }

    [Fact]
    public void AccountSection_NotANumber_Throws()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CqBot:Accounts:abc:ApiRoot"] = "http://x/" }).Build();
        var error = Assert.Throws<BotConfigurationException>(() => BotOptionsReader.Read(configuration));
        Assert.Contains("CqBot:Accounts:abc", error.Message);
    }

    [Fact]
    public void AccountSettings_FromConfiguration_ReachTheOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CqBot:AccountIdleTimeout"] = "00:30:00",
            ["CqBot:ConfiguredAccountsOnly"] = "true",
            ["CqBot:ConnectionReplacement"] = "firstwinswhilealive",
            ["CqBot:Accounts:123:AccessToken"] = "own",
        }).Build();

        var options = BotOptionsReader.Read(configuration);

        Assert.Equal(TimeSpan.FromMinutes(30), options.AccountIdleTimeout);
        Assert.True(options.ConfiguredAccountsOnly);
        Assert.Equal(ConnectionReplacement.FirstWinsWhileAlive, options.ConnectionReplacement);
        Assert.Equal("own", options.Accounts[123].AccessToken);
    }

    [Fact]
    public void AccountSettings_Defaults_KeepTodaysBehaviourAndForgetAfterTenMinutes()
    {
        var options = Read();

        Assert.Equal(TimeSpan.FromMinutes(10), options.AccountIdleTimeout);
        Assert.False(options.ConfiguredAccountsOnly);
        Assert.Equal(ConnectionReplacement.NewestWins, options.ConnectionReplacement);
    }

    [Theory]
    [InlineData("CqBot:ConnectionReplacement", "oldest")]
    [InlineData("CqBot:AccountIdleTimeout", "0")]
    public void AccountSettings_BadValue_ThrowsNamingTheSetting(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var error = Assert.Throws<BotConfigurationException>(() => BotOptionsReader.Read(configuration));

        Assert.Contains(key, error.Message);
    }
}
